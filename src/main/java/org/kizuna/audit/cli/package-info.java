/** The {@code ./kizuna audit} verbs that work on a node's audit log from outside the node. */
@NullMarked
package org.kizuna.audit.cli;

import org.jspecify.annotations.NullMarked;
