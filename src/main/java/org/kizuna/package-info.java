/**
 * The node's entry points: the {@code ./kizuna} command line, the Spring Boot application and its web
 * server, and the node-wide error answers and request limits.
 */
@NullMarked
package org.kizuna;

import org.jspecify.annotations.NullMarked;
