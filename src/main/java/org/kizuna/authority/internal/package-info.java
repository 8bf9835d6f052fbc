/** The authority module's implementation: its legal reference data, settings, storage, service and console page. */
@NullMarked
package org.kizuna.authority.internal;

import org.jspecify.annotations.NullMarked;
