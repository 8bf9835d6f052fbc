/** Users, logins and the HTTP security of the node: the identity module's implementation. */
@NullMarked
package org.kizuna.identity.internal;

import org.jspecify.annotations.NullMarked;
