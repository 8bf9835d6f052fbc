/** The registry's storage, reference data, HTTP API and console pages: the registry module's implementation. */
@NullMarked
package org.kizuna.registry.internal;

import org.jspecify.annotations.NullMarked;
