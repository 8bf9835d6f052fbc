/** Commitments and statements: storage, the reference data loader, HTTP API and console page. */
@NullMarked
package org.kizuna.commitments.internal;

import org.jspecify.annotations.NullMarked;
