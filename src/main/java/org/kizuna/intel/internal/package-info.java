/** The intel module's implementation: storage, the read side, releases, correlation, binding and demo data. */
@NullMarked
package org.kizuna.intel.internal;

import org.jspecify.annotations.NullMarked;
