/**
 * The alliance's commitments: the joint statements that made them and, for each commitment, its owner nation, the
 * responsible organization (from the registry), deadline, status, evidence and the history of its changes; what is
 * due, overdue and done by the node's clock (docs/commitments.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "registry", "console", "node", "search", "federation"})
package org.kizuna.commitments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
