/**
 * Situation levels and authority: the situations of Japan's 2015 Legislation for Peace and Security as sourced
 * facts, the kinds of support the Self-Defense Forces may give each partner under each (allowed, not allowed with the
 * legal reason, or a decision), the level in force per region as set by a designated user (time-stamped by the node's
 * clock, audited), and support requests between nations checked against the level in force (docs/authority.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "audit", "console", "node", "federation"})
package org.kizuna.authority;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
