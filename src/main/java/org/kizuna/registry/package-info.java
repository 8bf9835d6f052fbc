/**
 * The registry of the alliance's structure: nations, commands and units with their chains of
 * command, coordination relations across nations, shared facilities with their time zone and SOFA
 * joint-use category, access agreements and force posture figures. Everything is valid-time
 * versioned: every query takes the date to answer for, and answers as the alliance stood that day.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "console", "node"})
package org.kizuna.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
