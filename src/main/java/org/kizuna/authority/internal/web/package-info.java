/** The authority module's REST API. */
@NullMarked
package org.kizuna.authority.internal.web;

import org.jspecify.annotations.NullMarked;
