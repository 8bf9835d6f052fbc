/**
 * Roles and missions: mission areas (air and missile defence, maritime security, amphibious operations, ISR,
 * logistics, HA/DR, cyber, space) by region, with each nation's forces recorded as lead, supporting or supported
 * for a period of valid time, and the analysis of a day's matrix for one reader: gaps (no lead), duplications (two
 * leads, or two nations on one task with no division) and what began or ended since a given day. The analysis is
 * computed from the assignments the reader may read and never mentions the others (docs/missions.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "registry", "console", "node"})
package org.kizuna.missions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
