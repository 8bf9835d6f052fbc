/**
 * Bilateral plans (contingency plans, exercise plans, realignment roadmaps): sections under their own labels,
 * versions, approvals by each participating nation's designated approver bound to a hash of the version's content,
 * side-by-side differences between versions and a change history (docs/plans.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "console", "node", "search", "federation"})
package org.kizuna.plans;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
