/** The missions module's implementation: its reference data, storage, service, demo data and console page. */
@NullMarked
package org.kizuna.missions.internal;

import org.jspecify.annotations.NullMarked;
