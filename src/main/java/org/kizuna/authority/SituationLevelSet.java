package org.kizuna.authority;

import java.time.Instant;

import org.kizuna.label.Label;

/** Published when a level is set in force for a region (after the setting is stored and audited). */
public record SituationLevelSet(String id, String region, String level, String setBy, Instant at, Label label) {
}
