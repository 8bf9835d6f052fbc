package org.kizuna.missions;

/** A mission area (reference data of the build, public): {@code air-missile-defence}, {@code maritime-security} ... */
public record MissionArea(String id, String name, String description) {
}
