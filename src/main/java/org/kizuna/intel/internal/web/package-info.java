/** The intel module's HTTP API under {@code /api/v1/intel}. */
@NullMarked
package org.kizuna.intel.internal.web;

import org.jspecify.annotations.NullMarked;
