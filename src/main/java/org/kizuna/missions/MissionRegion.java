package org.kizuna.missions;

/** A region the matrix is kept for (reference data of the build, public): {@code japan}, {@code southwest-islands} ... */
public record MissionRegion(String id, String name, String description) {
}
