package org.kizuna.tak.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** What a mission holds, who follows it and what changed in it: each item under a label of its own. */
final class MissionItems {

    private MissionItems() {
    }

    /** A data package in a mission: it carries the package's label. */
    record PackageItem(String missionGuid, DataPackage pkg, @Nullable String creatorUid, String addedBy, Instant addedAt) implements Labelled {
        @Override
        public Label label() {
            return pkg.label();
        }

        String id() {
            return missionGuid + "/" + pkg.id();
        }
    }

    /**
     * A CoT uid in a mission, with what the adder's picture showed of it when it was added (type, callsign, position;
     * absent when the adder's picture had no track of that uid); labelled as that track was, else with the adder's
     * default label.
     */
    record Uid(String id, String missionGuid, String uid, @Nullable String cotType, @Nullable String callsign, @Nullable Double lat, @Nullable Double lon,
            @Nullable String creatorUid, String addedBy, Instant addedAt, Label label) implements Labelled {
    }

    /** A client following a mission: labelled with the subscriber's default label, as the subscriber's own reports are. */
    record Subscription(String missionGuid, String clientUid, String username, Instant createdAt, Label label) implements Labelled {
        String id() {
            return missionGuid + "/" + username + "/" + clientUid;
        }
    }

    /** What a change is about: the mission itself, one of its packages or one of its uids. */
    enum ChangeType {
        CREATE_MISSION,
        ADD_CONTENT,
        REMOVE_CONTENT
    }

    /**
     * One entry of a mission's change log, labelled as what it is about (the mission, the package, the uid entry);
     * {@code pkg} for a package's change, {@code uid} (with what was known of it) for a uid's.
     */
    record Change(long seq, String missionGuid, ChangeType type, Instant at, @Nullable String creatorUid, String changedBy, @Nullable DataPackage pkg,
            @Nullable String uid, @Nullable String cotType, @Nullable String callsign, @Nullable Double lat, @Nullable Double lon, Label label)
            implements Labelled {
        String id() {
            return missionGuid + "#" + seq;
        }
    }
}
