/** The federation API: peers, their admission and the health of the links. */
@NullMarked
package org.kizuna.federation.internal.web;

import org.jspecify.annotations.NullMarked;
