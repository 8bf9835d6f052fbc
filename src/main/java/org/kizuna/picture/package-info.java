/**
 * The common operational picture: ingest, fusion, per-audience views, streaming. Cursor-on-Target and
 * TAK protocol over TCP and mutual TLS, REST and the simulator feed sensor reports and self-reported
 * positions into a labelled multi-sensor tracker; each audience (one per distinct reader) gets only the
 * picture it may read, pushed to CoT clients and to the console map.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "console", "audit", "node", "federation"})
package org.kizuna.picture;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
