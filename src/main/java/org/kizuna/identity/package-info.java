/**
 * Who is using the node: users with a nation, a clearance in their nation's policy, restrictive
 * accesses, roles and a home time zone; authentication (form login for the console, HTTP Basic for
 * the API) and the current reader that every labelled read is decided for.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "node"})
package org.kizuna.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
