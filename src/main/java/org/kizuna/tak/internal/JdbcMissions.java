package org.kizuna.tak.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mission tables ({@code tak_mission} and its packages, uids, subscriptions and change log). Reads by name load
 * every mission of that name with what it holds, whoever may read them: the caller decides through the read path, so
 * the work done does not depend on what the reader may read.
 */
@Repository
class JdbcMissions {

    private static final String MISSION = "m.guid, m.name, m.description, m.chat_room, m.tool, m.keywords, m.creator_uid, m.created_by, m.nation, "
            + "m.created_at, m.label";
    private static final String PACKAGE = "select mp.mission_guid, mp.creator_uid as mp_creator_uid, mp.added_by, mp.added_at, "
            + JdbcDataPackages.JOINED_COLUMNS
            + " from tak_mission_package mp join tak_data_package p on p.id = mp.package_id join tak_mission m on m.guid = mp.mission_guid ";
    private static final String UID = "select u.id, u.mission_guid, u.uid, u.cot_type, u.callsign, u.lat, u.lon, u.creator_uid, u.added_by, u.added_at, "
            + "u.label from tak_mission_uid u join tak_mission m on m.guid = u.mission_guid ";
    private static final String SUBSCRIPTION = "select s.mission_guid, s.client_uid, s.username, s.created_at, s.label from tak_mission_subscription s "
            + "join tak_mission m on m.guid = s.mission_guid ";
    private static final String CHANGE = "select c.seq, c.mission_guid, c.change_type, c.changed_at, c.creator_uid as c_creator_uid, c.changed_by, "
            + "c.content_uid, c.cot_type, c.callsign, c.lat, c.lon, c.label as c_label, c.package_id as c_package_id, "
            + JdbcDataPackages.JOINED_COLUMNS
            + " from tak_mission_change c join tak_mission m on m.guid = c.mission_guid left join tak_data_package p on p.id = c.package_id ";

    private final JdbcClient jdbc;

    JdbcMissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ missions

    void insert(Mission m) {
        jdbc.sql("insert into tak_mission (guid, name, description, chat_room, tool, keywords, creator_uid, created_by, nation, created_at, label) "
                + "values (:guid, :name, :description, :chat, :tool, :keywords, :creator, :by, :nation, :at, :label)")
                .param("guid", m.guid()).param("name", m.name()).param("description", m.description()).param("chat", m.chatRoom())
                .param("tool", m.tool()).param("keywords", String.join(",", m.keywords())).param("creator", m.creatorUid())
                .param("by", m.createdBy()).param("nation", m.nation()).param("at", Timestamp.from(m.createdAt())).param("label", m.label().banner())
                .update();
    }

    /** Changes what a mission says of itself (never its name, creator, nation or label). */
    void describe(String guid, String description, String chatRoom, String tool, List<String> keywords) {
        jdbc.sql("update tak_mission set description = :description, chat_room = :chat, tool = :tool, keywords = :keywords where guid = :guid")
                .param("description", description).param("chat", chatRoom).param("tool", tool).param("keywords", String.join(",", keywords))
                .param("guid", guid).update();
    }

    /** The missions of this name, oldest first. */
    List<Mission> named(String name) {
        return jdbc.sql("select " + MISSION + " from tak_mission m where m.name = :name order by m.created_at, m.guid").param("name", name)
                .query(JdbcMissions::mission).list();
    }

    Optional<Mission> byGuid(String guid) {
        return jdbc.sql("select " + MISSION + " from tak_mission m where m.guid = :guid").param("guid", guid).query(JdbcMissions::mission).optional();
    }

    /** Every mission, newest first. */
    List<Mission> all() {
        return jdbc.sql("select " + MISSION + " from tak_mission m order by m.created_at desc, m.guid").query(JdbcMissions::mission).list();
    }

    // ------------------------------------------------------------------ what missions hold

    /**
     * What a mission holds of one kind, as read with the missions ({@code m}) it belongs to: its select, its order (the
     * order they were added) and how a row becomes one.
     */
    record Items<T>(String select, String order, RowMapper<T> row) {
    }

    /** The packages missions hold. */
    static final Items<MissionItems.PackageItem> PACKAGES = new Items<>(PACKAGE, "mp.added_at, p.id", JdbcMissions::pkg);

    /** The uids missions hold. */
    static final Items<MissionItems.Uid> UIDS = new Items<>(UID, "u.added_at, u.uid, u.id", JdbcMissions::uid);

    /** What the missions of this name hold of one kind, in the order it was added. */
    <T> List<T> itemsNamed(Items<T> items, String name) {
        return items(items, "m.name = :name", "name", name);
    }

    /** What these missions hold of one kind, in the order it was added. */
    <T> List<T> itemsOf(Items<T> items, Collection<String> guids) {
        return guids.isEmpty() ? List.of() : items(items, "m.guid in (:guids)", "guids", guids);
    }

    /** What the mission of this guid holds of one kind, in the order it was added. */
    <T> List<T> itemsOfGuid(Items<T> items, String guid) {
        return items(items, "m.guid = :guid", "guid", guid);
    }

    private <T> List<T> items(Items<T> items, String where, String parameter, Object value) {
        return jdbc.sql(items.select() + "where " + where + " order by " + items.order()).param(parameter, value).query(items.row()).list();
    }

    /** Adds a package to a mission; false when it is there already. */
    boolean addPackage(String missionGuid, String packageId, @Nullable String creatorUid, String by, Instant at) {
        boolean there = jdbc.sql("select count(*) from tak_mission_package where mission_guid = :m and package_id = :p").param("m", missionGuid)
                .param("p", packageId).query(Long.class).single() > 0;
        if (there) return false;
        try {
            jdbc.sql("insert into tak_mission_package (mission_guid, package_id, creator_uid, added_by, added_at) values (:m, :p, :creator, :by, :at)")
                    .param("m", missionGuid).param("p", packageId).param("creator", creatorUid).param("by", by).param("at", Timestamp.from(at)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void removePackage(String missionGuid, String packageId) {
        jdbc.sql("delete from tak_mission_package where mission_guid = :m and package_id = :p").param("m", missionGuid).param("p", packageId).update();
    }

    void addUid(MissionItems.Uid u) {
        jdbc.sql("insert into tak_mission_uid (id, mission_guid, uid, cot_type, callsign, lat, lon, creator_uid, added_by, added_at, label) "
                + "values (:id, :m, :uid, :type, :callsign, :lat, :lon, :creator, :by, :at, :label)")
                .param("id", u.id()).param("m", u.missionGuid()).param("uid", u.uid()).param("type", u.cotType()).param("callsign", u.callsign())
                .param("lat", u.lat()).param("lon", u.lon()).param("creator", u.creatorUid()).param("by", u.addedBy()).param("at", Timestamp.from(u.addedAt()))
                .param("label", u.label().banner()).update();
    }

    void removeUid(String id) {
        jdbc.sql("delete from tak_mission_uid where id = :id").param("id", id).update();
    }

    /** How many items (packages and uids) this user has put in this mission. */
    long addedBy(String missionGuid, String username) {
        return jdbc.sql("select (select count(*) from tak_mission_package where mission_guid = :m and added_by = :u) "
                + "+ (select count(*) from tak_mission_uid where mission_guid = :m and added_by = :u)")
                .param("m", missionGuid).param("u", username).query(Long.class).single();
    }

    // ------------------------------------------------------------------ subscriptions

    /** Records a subscription (again: its time and label are renewed). */
    void subscribe(MissionItems.Subscription s) {
        unsubscribe(s.missionGuid(), s.username(), s.clientUid());
        try {
            jdbc.sql("insert into tak_mission_subscription (mission_guid, client_uid, username, created_at, label) values (:m, :client, :user, :at, :label)")
                    .param("m", s.missionGuid()).param("client", s.clientUid()).param("user", s.username()).param("at", Timestamp.from(s.createdAt()))
                    .param("label", s.label().banner()).update();
        } catch (DuplicateKeyException e) {
            // subscribed at the same moment by another call of the same client: one subscription either way
        }
    }

    int unsubscribe(String missionGuid, String username, String clientUid) {
        return jdbc.sql("delete from tak_mission_subscription where mission_guid = :m and username = :user and client_uid = :client")
                .param("m", missionGuid).param("user", username).param("client", clientUid).update();
    }

    /** The subscriptions of the missions of this name, oldest first. */
    List<MissionItems.Subscription> subscriptions(String name) {
        return jdbc.sql(SUBSCRIPTION + "where m.name = :name order by s.created_at, s.username, s.client_uid").param("name", name)
                .query(JdbcMissions::subscription).list();
    }

    List<MissionItems.Subscription> subscriptionsOfGuid(String guid) {
        return jdbc.sql(SUBSCRIPTION + "where m.guid = :guid order by s.created_at, s.username, s.client_uid").param("guid", guid)
                .query(JdbcMissions::subscription).list();
    }

    // ------------------------------------------------------------------ change log

    void addChange(MissionItems.Change c) {
        jdbc.sql("insert into tak_mission_change (mission_guid, change_type, changed_at, creator_uid, changed_by, package_id, content_uid, cot_type, "
                + "callsign, lat, lon, label) values (:m, :type, :at, :creator, :by, :pkg, :uid, :cot, :callsign, :lat, :lon, :label)")
                .param("m", c.missionGuid()).param("type", c.type().name()).param("at", Timestamp.from(c.at())).param("creator", c.creatorUid())
                .param("by", c.changedBy()).param("pkg", c.pkg() == null ? null : c.pkg().id()).param("uid", c.uid()).param("cot", c.cotType())
                .param("callsign", c.callsign()).param("lat", c.lat()).param("lon", c.lon()).param("label", c.label().banner()).update();
    }

    /**
     * A page of a mission's changes from {@code from} (inclusive) to {@code to} (exclusive), newest first, of those before
     * change {@code beforeSeq}: the caller pages back until it has as many as the reader may read and it lists.
     */
    List<MissionItems.Change> changes(String guid, Instant from, Instant to, long beforeSeq, int page) {
        return jdbc.sql(CHANGE + "where c.mission_guid = :guid and c.changed_at >= :from and c.changed_at < :to and c.seq < :before "
                + "order by c.seq desc limit :page")
                .param("guid", guid).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("before", beforeSeq).param("page", page)
                .query(JdbcMissions::change).list();
    }

    // ------------------------------------------------------------------ rows

    private static Mission mission(ResultSet rs, int i) throws SQLException {
        String kw = rs.getString("keywords");
        return new Mission(rs.getString("guid"), rs.getString("name"), rs.getString("description"), rs.getString("chat_room"), rs.getString("tool"),
                kw.isEmpty() ? List.of() : Arrays.asList(kw.split(",")), rs.getString("creator_uid"), rs.getString("created_by"), rs.getString("nation"),
                rs.getTimestamp("created_at").toInstant(), Label.parse(rs.getString("label")));
    }

    private static MissionItems.PackageItem pkg(ResultSet rs, int i) throws SQLException {
        return new MissionItems.PackageItem(rs.getString("mission_guid"), JdbcDataPackages.row(rs, i), rs.getString("mp_creator_uid"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }

    private static MissionItems.Uid uid(ResultSet rs, int i) throws SQLException {
        return new MissionItems.Uid(rs.getString("id"), rs.getString("mission_guid"), rs.getString("uid"), rs.getString("cot_type"), rs.getString("callsign"),
                rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getString("creator_uid"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant(), Label.parse(rs.getString("label")));
    }

    private static MissionItems.Subscription subscription(ResultSet rs, int i) throws SQLException {
        return new MissionItems.Subscription(rs.getString("mission_guid"), rs.getString("client_uid"), rs.getString("username"),
                rs.getTimestamp("created_at").toInstant(), Label.parse(rs.getString("label")));
    }

    private static MissionItems.Change change(ResultSet rs, int i) throws SQLException {
        DataPackage pkg = rs.getString("c_package_id") == null ? null : JdbcDataPackages.row(rs, i);
        return new MissionItems.Change(rs.getLong("seq"), rs.getString("mission_guid"), MissionItems.ChangeType.valueOf(rs.getString("change_type")),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("c_creator_uid"), rs.getString("changed_by"), pkg, rs.getString("content_uid"),
                rs.getString("cot_type"), rs.getString("callsign"), rs.getObject("lat", Double.class), rs.getObject("lon", Double.class),
                Label.parse(rs.getString("c_label")));
    }
}
