/** The TAK module's onboarding, REST controllers, enrollment tokens and storage of data packages. */
@NullMarked
package org.kizuna.tak.internal;

import org.jspecify.annotations.NullMarked;
