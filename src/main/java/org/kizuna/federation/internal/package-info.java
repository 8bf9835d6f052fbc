/** Federation's insides: the guard on the way out, the outbox, the links over mutual TLS, verification on the way in. */
@NullMarked
package org.kizuna.federation.internal;

import org.jspecify.annotations.NullMarked;
