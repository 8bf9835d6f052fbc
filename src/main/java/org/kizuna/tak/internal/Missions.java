package org.kizuna.tak.internal;

import static org.kizuna.tak.internal.JdbcMissions.PACKAGES;
import static org.kizuna.tak.internal.JdbcMissions.UIDS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.picture.Picture;
import org.kizuna.picture.TrackView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TAK missions (DataSync): named collections of data packages and CoT uids that TAK clients subscribe to.
 * <p>
 * Every read is one query of {@link ReadPath}: a mission the reader may not read is absent (404, as one that does not
 * exist), and within a mission a package, uid, subscription or change the reader may not read is left out, never
 * counted. Missions are keyed by a guid: a name names, for a reader, the oldest mission of that name the reader may
 * read, so a name taken by a mission someone may not read is free to them (creating it makes another mission), and
 * no answer tells whether a hidden mission of that name exists. Creating a mission and changing what it holds are
 * authorized through {@link Writes} as {@link Write#CHANGE_TAK_MISSION} (a planner of the mission creator's nation);
 * subscribing is a read. A mission, a uid the adder's picture does not show and a subscription take the user's default
 * label ({@link DefaultLabels}); a package in a mission keeps its own label, a uid the picture shows the track's.
 */
@Service
class Missions {

    static final int MAX_PER_CALL = 100;
    static final int MAX_KEYWORDS = 20;
    /** Names under {@code /Marti/api/missions} that are calls, not missions. */
    static final Set<String> RESERVED = Set.of("all", "guid", "invitations", "logs");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.()!=@#$&^*+\\[\\]{}:,|-]{1,255}");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile(".*[\\p{L}\\p{N}].*");
    private static final Pattern TOOL = Pattern.compile("[\\w.-]{1,64}");
    static final Pattern KEYWORD = Pattern.compile("[^,\\p{Cntrl}]{1,64}");
    static final Pattern CLIENT_UID = Pattern.compile("[^\\p{Cntrl}]{1,256}");
    static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int CHANGES_PAGE = 500;

    /** A mission as one reader may see it: the packages, uids and (when asked for) changes the reader may read. */
    record View(Mission mission, List<MissionItems.PackageItem> packages, List<MissionItems.Uid> uids, List<MissionItems.Change> changes) {
    }

    /** What a create call says of the mission (null: not said). */
    record Details(@Nullable String description, @Nullable String chatRoom, @Nullable String tool, @Nullable List<String> keywords,
            @Nullable String creatorUid) {
    }

    /** The answer to a create call: the mission, and whether it is new (else an existing one was described anew). */
    record Saved(View view, boolean created) {
    }

    /** A subscription with the mission and whether the subscriber may change what the mission holds. */
    record Subscribed(Mission mission, MissionItems.Subscription subscription, boolean mayWrite) {
    }

    /** The span of a change log asked for: from (inclusive) to (exclusive). */
    record Window(Instant from, Instant to) {
        static final Window ALL = new Window(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
    }

    private final JdbcMissions store;
    private final JdbcDataPackages packages;
    private final ReadPath readPath;
    private final Writes writes;
    private final DefaultLabels labels;
    private final Picture picture;
    private final MissionNotices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TakSettings settings;

    Missions(JdbcMissions store, JdbcDataPackages packages, ReadPath readPath, Writes writes, DefaultLabels labels, Picture picture, MissionNotices notices,
            TransactionTemplate tx, Clock clock, TakSettings settings) {
        this.store = store;
        this.packages = packages;
        this.readPath = readPath;
        this.writes = writes;
        this.labels = labels;
        this.picture = picture;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ bounds

    /** The mission name of a call, stripped; 400 unless 1-255 characters of the allowed set with a letter or digit, and not a call's name. */
    static String name(@Nullable String raw) {
        String name = raw == null ? "" : raw.strip();
        if (!NAME.matcher(name).matches() || !LETTER_OR_DIGIT.matcher(name).matches()) {
            throw Problems.of(HttpStatus.BAD_REQUEST,
                    "name: 1-255 characters with a letter or digit, of letters, digits, spaces and . ( ) ! = @ # $ & ^ * _ - + [ ] { } : , |");
        }
        if (RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT)))
            throw Problems.of(HttpStatus.BAD_REQUEST, "name: '" + name + "' names a call, not a mission");
        return name;
    }

    static String clientUid(@Nullable String uid) {
        if (uid == null || !CLIENT_UID.matcher(uid).matches() || uid.isBlank()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "uid: the client's uid, 1-256 characters without control characters");
        }
        return uid;
    }

    private static @Nullable String creatorUid(@Nullable String creatorUid) {
        if (creatorUid == null || creatorUid.isEmpty()) return null;
        if (!CLIENT_UID.matcher(creatorUid).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "creatorUid: 1-256 characters without control characters");
        return creatorUid;
    }

    static List<String> keywords(List<String> keywords) {
        if (keywords.size() > MAX_KEYWORDS) throw Problems.of(HttpStatus.BAD_REQUEST, "keywords: at most " + MAX_KEYWORDS + " keywords");
        for (String k : keywords) {
            if (k == null || !KEYWORD.matcher(k).matches())
                throw Problems.of(HttpStatus.BAD_REQUEST, "keywords: 1-64 characters each, no commas or control characters");
        }
        return List.copyOf(new LinkedHashSet<>(keywords));
    }

    private static void check(Details d) {
        if (d.description() != null
                && (d.description().length() > 2000 || d.description().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "description: at most 2000 characters, without control characters but line feeds and tabs");
        }
        if (d.chatRoom() != null && (d.chatRoom().length() > 255 || d.chatRoom().chars().anyMatch(Character::isISOControl))) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "chatRoom: at most 255 characters without control characters");
        }
        if (d.tool() != null && !TOOL.matcher(d.tool()).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "tool: 1-64 letters, digits, '.', '_' or '-'");
        if (d.keywords() != null) keywords(d.keywords());
        creatorUid(d.creatorUid());
    }

    // ------------------------------------------------------------------ missions

    /**
     * Creates the mission {@code name}, or, when the user may read a mission of that name, describes that one anew
     * (what {@code details} says; its name, creator, nation and label stay). Either is a write of the mission creator's
     * nation (the user's own for a new mission).
     */
    Saved create(KizunaUser user, String rawName, Details details) {
        String name = name(rawName);
        check(details);
        List<String> kw = details.keywords() == null ? null : keywords(details.keywords());
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + " (create)")) {
            Optional<Mission> existing = resolve(q, store.named(name));
            if (existing.isPresent()) {
                Mission m = existing.get();
                writes.authorize(user, Write.CHANGE_TAK_MISSION, m.nation());
                Mission changed = new Mission(m.guid(), m.name(), details.description() == null ? m.description() : details.description(),
                        details.chatRoom() == null ? m.chatRoom() : details.chatRoom(), details.tool() == null ? m.tool() : details.tool(),
                        kw == null ? m.keywords() : kw, m.creatorUid(), m.createdBy(), m.nation(), m.createdAt(), m.label());
                store.describe(m.guid(), changed.description(), changed.chatRoom(), changed.tool(), changed.keywords());
                return new Saved(current(q, changed), false);
            }
            writes.authorize(user, Write.CHANGE_TAK_MISSION, user.nation());
            Label label = labels.held(user, " (a mission takes the label of your reports)");
            Mission m = new Mission(UUID.randomUUID().toString(), name, details.description() == null ? "" : details.description(),
                    details.chatRoom() == null ? "" : details.chatRoom(), details.tool() == null ? "public" : details.tool(), kw == null ? List.of() : kw,
                    creatorUid(details.creatorUid()), user.username(), user.nation(), clock.instant(), label);
            if (q.readable(Optional.of(m), Mission::guid).isEmpty()) {
                throw Problems.of(HttpStatus.BAD_REQUEST, "label: the label of your reports, " + label.banner() + ", is one you may not read yourself");
            }
            tx.executeWithoutResult(s -> {
                store.insert(m);
                store.addChange(new MissionItems.Change(0, m.guid(), MissionItems.ChangeType.CREATE_MISSION, m.createdAt(), m.creatorUid(), user.username(),
                        null, null, null, null, null, null, m.label()));
            });
            return new Saved(new View(m, List.of(), List.of(), List.of()), true);
        }
    }

    /** The missions the reader may read, newest first, of the tool when one is given, at most the configured number, each with what it holds. */
    List<View> list(Reader reader, @Nullable String tool) {
        if (tool != null && !tool.isEmpty() && !TOOL.matcher(tool).matches())
            throw Problems.of(HttpStatus.BAD_REQUEST, "tool: 1-64 letters, digits, '.', '_' or '-'");
        try (ReadPath.Query q = readPath.query(reader, "tak/missions" + (tool == null || tool.isEmpty() ? "" : " tool=" + tool))) {
            List<Mission> readable = new ArrayList<>();
            for (Mission m : store.all()) {
                if (readable.size() >= settings.maxMissionsListed()) break;
                if (tool != null && !tool.isEmpty() && !m.tool().equals(tool)) continue;
                q.readable(Optional.of(m), Mission::guid).ifPresent(readable::add);
            }
            List<String> guids = readable.stream().map(Mission::guid).toList();
            Map<String, List<MissionItems.PackageItem>> pkgs = store.itemsOf(PACKAGES, guids).stream()
                    .collect(Collectors.groupingBy(MissionItems.PackageItem::missionGuid));
            Map<String, List<MissionItems.Uid>> uids = store.itemsOf(UIDS, guids).stream().collect(Collectors.groupingBy(MissionItems.Uid::missionGuid));
            return readable.stream().map(m -> view(q, m, pkgs.getOrDefault(m.guid(), List.of()), uids.getOrDefault(m.guid(), List.of()), List.of())).toList();
        }
    }

    /** The mission of this name the reader may read, with what it holds and, when {@code changes} is given, its changes in that window. */
    Optional<View> get(Reader reader, String rawName, @Nullable Window changes) {
        String name = name(rawName);
        try (ReadPath.Query q = readPath.query(reader, "tak/missions/" + name)) {
            List<Mission> named = store.named(name);
            List<MissionItems.PackageItem> pkgs = store.itemsNamed(PACKAGES, name);
            List<MissionItems.Uid> uids = store.itemsNamed(UIDS, name);
            return resolve(q, named).map(m -> view(q, m, pkgs, uids, changes == null ? List.of() : changes(q, m, changes)));
        }
    }

    /** The mission of this guid, if the reader may read it (as {@link #get}). */
    Optional<View> byGuid(Reader reader, String guid, @Nullable Window changes) {
        if (!GUID.matcher(guid).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "guid: a mission's guid, such as 4ce8e41d-21e4-4471-a303-09d12bb93bcf");
        String g = guid.toLowerCase(java.util.Locale.ROOT);
        try (ReadPath.Query q = readPath.query(reader, "tak/missions/guid/" + g)) {
            Optional<Mission> m = store.byGuid(g);
            List<MissionItems.PackageItem> pkgs = store.itemsOfGuid(PACKAGES, g);
            List<MissionItems.Uid> uids = store.itemsOfGuid(UIDS, g);
            return q.readable(m, Mission::guid).map(x -> view(q, x, pkgs, uids, changes == null ? List.of() : changes(q, x, changes)));
        }
    }

    /** The changes of the mission of this name the reader may read, in the window, oldest first (the newest, at most the configured number). */
    Optional<List<MissionItems.Change>> changes(Reader reader, String rawName, Window window) {
        String name = name(rawName);
        try (ReadPath.Query q = readPath.query(reader, "tak/missions/" + name + "/changes")) {
            return resolve(q, store.named(name)).map(m -> changes(q, m, window));
        }
    }

    /** Sets the mission's keywords (a write of the mission creator's nation). */
    Optional<View> keywords(KizunaUser user, String rawName, List<String> keywords) {
        String name = name(rawName);
        List<String> kw = keywords(keywords);
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + "/keywords")) {
            Optional<Mission> found = resolve(q, store.named(name));
            if (found.isEmpty()) return Optional.empty();
            Mission m = found.get();
            writes.authorize(user, Write.CHANGE_TAK_MISSION, m.nation());
            store.describe(m.guid(), m.description(), m.chatRoom(), m.tool(), kw);
            Mission changed = new Mission(m.guid(), m.name(), m.description(), m.chatRoom(), m.tool(), kw, m.creatorUid(), m.createdBy(), m.nation(),
                    m.createdAt(), m.label());
            return Optional.of(current(q, changed));
        }
    }

    // ------------------------------------------------------------------ contents

    /**
     * Puts data packages (by hash: the newest package of that content the user may read) and CoT uids in the mission;
     * what the user may read of it is there already stays as it is. Empty when the user may not read the mission.
     */
    Optional<View> addContents(KizunaUser user, String rawName, List<String> hashes, List<String> uids, @Nullable String creatorUid) {
        String name = name(rawName);
        String creator = creatorUid(creatorUid);
        if (hashes.size() > MAX_PER_CALL || uids.size() > MAX_PER_CALL) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "hashes, uids: at most " + MAX_PER_CALL + " of each per call");
        }
        for (String h : hashes) {
            if (h == null || !HASH.matcher(h).matches()) throw Problems.of(HttpStatus.BAD_REQUEST, "hashes: the SHA-256 of a data package in 64 hex digits");
        }
        for (String u : uids) {
            if (u == null || u.isBlank() || !CLIENT_UID.matcher(u).matches())
                throw Problems.of(HttpStatus.BAD_REQUEST, "uids: 1-256 characters without control characters");
        }
        Mission m;
        List<MissionItems.Change> changes = new ArrayList<>();
        View view;
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + "/contents (add)")) {
            Optional<Mission> found = resolve(q, store.named(name));
            if (found.isEmpty()) return Optional.empty();
            m = found.get();
            writes.authorize(user, Write.CHANGE_TAK_MISSION, m.nation());
            List<DataPackage> add = new ArrayList<>();
            for (String h : new LinkedHashSet<>(hashes.stream().map(String::toLowerCase).toList())) {
                List<DataPackage> readable = q.readable(packages.withHash(h), DataPackage::id);
                if (readable.isEmpty()) throw Problems.of(HttpStatus.BAD_REQUEST, "hashes: no data package with hash " + h);
                add.add(readable.getFirst());
            }
            Set<String> present = q.readable(store.itemsOfGuid(UIDS, m.guid()), MissionItems.Uid::id).stream().map(MissionItems.Uid::uid)
                    .collect(Collectors.toSet());
            List<String> newUids = uids.stream().distinct().filter(u -> !present.contains(u)).toList();
            Map<String, TrackView> tracks = newUids.isEmpty() ? Map.of() : tracks(user.reader());
            Instant now = clock.instant();
            List<MissionItems.Uid> entries = new ArrayList<>();
            for (String u : newUids) {
                TrackView t = tracks.get(u);
                Label label = t != null
                        ? Label.parse(t.banner())
                        : labels.held(user, " (a uid your picture does not show takes the label of your reports)");
                entries.add(new MissionItems.Uid(UUID.randomUUID().toString(), m.guid(), u, t == null ? null : t.type(), t == null ? null : t.callsign(),
                        t == null ? null : t.lat(), t == null ? null : t.lon(), creator, user.username(), now, label));
            }
            if (store.addedBy(m.guid(), user.username()) + add.size() + entries.size() > settings.maxMissionItems()) {
                throw Problems.of(HttpStatus.BAD_REQUEST,
                        "contents: one user may put at most " + settings.maxMissionItems() + " packages and uids in one mission");
            }
            tx.executeWithoutResult(s -> {
                for (DataPackage p : add) {
                    if (store.addPackage(m.guid(), p.id(), creator, user.username(), now)) {
                        changes.add(change(m, MissionItems.ChangeType.ADD_CONTENT, now, creator, user, p, null));
                    }
                }
                for (MissionItems.Uid e : entries) {
                    store.addUid(e);
                    changes.add(change(m, MissionItems.ChangeType.ADD_CONTENT, now, creator, user, null, e));
                }
                changes.forEach(store::addChange);
            });
            view = current(q, m);
        }
        notices.changed(m, changes);
        return Optional.of(view);
    }

    /**
     * Takes out of the mission the packages of this content and the entries of this uid that the user may read.
     * Empty when the user may not read the mission; 404 when it holds no such content the user may read.
     */
    Optional<View> removeContents(KizunaUser user, String rawName, @Nullable String hash, @Nullable String uid, @Nullable String creatorUid) {
        String name = name(rawName);
        String creator = creatorUid(creatorUid);
        if ((hash == null || hash.isEmpty()) && (uid == null || uid.isEmpty()))
            throw Problems.of(HttpStatus.BAD_REQUEST, "hash, uid: name the content to take out");
        if (hash != null && !hash.isEmpty() && !HASH.matcher(hash).matches())
            throw Problems.of(HttpStatus.BAD_REQUEST, "hash: the SHA-256 of a data package in 64 hex digits");
        if (uid != null && !uid.isEmpty() && !CLIENT_UID.matcher(uid).matches())
            throw Problems.of(HttpStatus.BAD_REQUEST, "uid: 1-256 characters without control characters");
        Mission m;
        List<MissionItems.Change> changes = new ArrayList<>();
        View view;
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + "/contents (remove)")) {
            Optional<Mission> found = resolve(q, store.named(name));
            if (found.isEmpty()) return Optional.empty();
            m = found.get();
            writes.authorize(user, Write.CHANGE_TAK_MISSION, m.nation());
            List<MissionItems.PackageItem> pkgs = hash == null || hash.isEmpty()
                    ? List.of()
                    : q.readable(store.itemsOfGuid(PACKAGES, m.guid()).stream().filter(p -> p.pkg().hash().equalsIgnoreCase(hash)).toList(),
                            MissionItems.PackageItem::id);
            List<MissionItems.Uid> entries = uid == null || uid.isEmpty()
                    ? List.of()
                    : q.readable(store.itemsOfGuid(UIDS, m.guid()).stream().filter(u -> u.uid().equals(uid)).toList(), MissionItems.Uid::id);
            if (hash != null && !hash.isEmpty() && pkgs.isEmpty())
                throw Problems.of(HttpStatus.NOT_FOUND, "no data package with hash " + hash.toLowerCase(java.util.Locale.ROOT) + " in this mission");
            if (uid != null && !uid.isEmpty() && entries.isEmpty()) throw Problems.of(HttpStatus.NOT_FOUND, "no uid " + uid + " in this mission");
            Instant now = clock.instant();
            tx.executeWithoutResult(s -> {
                for (MissionItems.PackageItem p : pkgs) {
                    store.removePackage(m.guid(), p.pkg().id());
                    changes.add(change(m, MissionItems.ChangeType.REMOVE_CONTENT, now, creator, user, p.pkg(), null));
                }
                for (MissionItems.Uid e : entries) {
                    store.removeUid(e.id());
                    changes.add(change(m, MissionItems.ChangeType.REMOVE_CONTENT, now, creator, user, null, e));
                }
                changes.forEach(store::addChange);
            });
            view = current(q, m);
        }
        notices.changed(m, changes);
        return Optional.of(view);
    }

    /** The tracks of the mission's uids in the reader's picture (both decided for the reader). Empty when the reader may not read the mission. */
    Optional<List<TrackView>> tracks(Reader reader, String rawName) {
        String name = name(rawName);
        Optional<Set<String>> uids;
        try (ReadPath.Query q = readPath.query(reader, "tak/missions/" + name + "/cot")) {
            List<Mission> named = store.named(name);
            List<MissionItems.Uid> all = store.itemsNamed(UIDS, name);
            uids = resolve(q, named).map(m -> q.readable(all.stream().filter(u -> u.missionGuid().equals(m.guid())).toList(), MissionItems.Uid::id).stream()
                    .map(MissionItems.Uid::uid).collect(Collectors.toSet()));
        }
        return uids.map(set -> set.isEmpty() ? List.of() : tracks(reader).values().stream().filter(t -> set.contains(t.id())).toList());
    }

    // ------------------------------------------------------------------ subscriptions

    /** Subscribes the user's client to the mission (a read). Empty when the user may not read it. */
    Optional<Subscribed> subscribe(KizunaUser user, String rawName, String rawClientUid) {
        String name = name(rawName);
        String client = clientUid(rawClientUid);
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + "/subscription (subscribe)")) {
            Optional<Mission> found = resolve(q, store.named(name));
            if (found.isEmpty()) return Optional.empty();
            Mission m = found.get();
            Label label = labels.held(user, " (a subscription takes the label of your reports)");
            MissionItems.Subscription s = new MissionItems.Subscription(m.guid(), client, user.username(), clock.instant(), label);
            notices.opened(user); // the stream of notices is audited before the subscription is stored
            tx.executeWithoutResult(t -> store.subscribe(s));
            return Optional.of(new Subscribed(m, s, writes.may(user, Write.CHANGE_TAK_MISSION, m.nation())));
        }
    }

    /** The user's own subscription of this client, if any. Empty when the user may not read the mission or has no such subscription. */
    Optional<Subscribed> subscription(KizunaUser user, String rawName, String rawClientUid) {
        String name = name(rawName);
        String client = clientUid(rawClientUid);
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + "/subscription")) {
            List<Mission> named = store.named(name);
            List<MissionItems.Subscription> subs = store.subscriptions(name);
            return resolve(q, named).flatMap(m -> subs.stream()
                    .filter(s -> s.missionGuid().equals(m.guid()) && s.username().equals(user.username()) && s.clientUid().equals(client)).findFirst()
                    .map(s -> new Subscribed(m, s, writes.may(user, Write.CHANGE_TAK_MISSION, m.nation()))));
        }
    }

    /** Ends the user's subscription of this client (if there is one). Empty when the user may not read the mission. */
    Optional<Mission> unsubscribe(KizunaUser user, String rawName, String rawClientUid) {
        String name = name(rawName);
        String client = clientUid(rawClientUid);
        try (ReadPath.Query q = readPath.query(user.reader(), "tak/missions/" + name + "/subscription (unsubscribe)")) {
            Optional<Mission> found = resolve(q, store.named(name));
            found.ifPresent(m -> store.unsubscribe(m.guid(), user.username(), client));
            return found;
        }
    }

    /** The subscriptions of the mission that the reader may read (each labelled as its subscriber's reports), oldest first. */
    Optional<List<MissionItems.Subscription>> subscriptions(Reader reader, String rawName) {
        String name = name(rawName);
        try (ReadPath.Query q = readPath.query(reader, "tak/missions/" + name + "/subscriptions")) {
            List<Mission> named = store.named(name);
            List<MissionItems.Subscription> subs = store.subscriptions(name);
            return resolve(q, named).map(m -> q.readable(subs.stream().filter(s -> s.missionGuid().equals(m.guid())).toList(), MissionItems.Subscription::id));
        }
    }

    /** Whether the user may change what the mission holds (for the role a subscription names). */
    boolean mayWrite(KizunaUser user, Mission m) {
        return writes.may(user, Write.CHANGE_TAK_MISSION, m.nation());
    }

    // ------------------------------------------------------------------ helpers

    /** The oldest of these missions the reader may read; only that one counts in the query. */
    private static Optional<Mission> resolve(ReadPath.Query q, List<Mission> named) {
        for (Mission m : named) {
            Optional<Mission> r = q.readable(Optional.of(m), Mission::guid);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    /** The mission as the reader sees it, with what it holds as stored now (and no changes). */
    private View current(ReadPath.Query q, Mission m) {
        return view(q, m, store.itemsOfGuid(PACKAGES, m.guid()), store.itemsOfGuid(UIDS, m.guid()), List.of());
    }

    private static View view(ReadPath.Query q, Mission m, List<MissionItems.PackageItem> pkgs, List<MissionItems.Uid> uids, List<MissionItems.Change> changes) {
        return new View(m, q.readable(pkgs.stream().filter(p -> p.missionGuid().equals(m.guid())).toList(), MissionItems.PackageItem::id),
                q.readable(uids.stream().filter(u -> u.missionGuid().equals(m.guid())).toList(), MissionItems.Uid::id), changes);
    }

    /** The newest changes in the window the reader may read, at most the configured number, oldest first; paged back so that hidden ones never cut the list. */
    private List<MissionItems.Change> changes(ReadPath.Query q, Mission m, Window w) {
        List<MissionItems.Change> out = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (out.size() < settings.maxChangesListed()) {
            List<MissionItems.Change> page = store.changes(m.guid(), w.from(), w.to(), before, CHANGES_PAGE);
            for (MissionItems.Change c : page) {
                if (out.size() >= settings.maxChangesListed()) break;
                q.readable(Optional.of(c), MissionItems.Change::id).ifPresent(out::add);
            }
            if (page.size() < CHANGES_PAGE) break;
            before = page.getLast().seq();
        }
        return out.reversed();
    }

    private static MissionItems.Change change(Mission m, MissionItems.ChangeType type, Instant at, @Nullable String creator, KizunaUser user,
            @Nullable DataPackage p, MissionItems.@Nullable Uid u) {
        if (p != null) return new MissionItems.Change(0, m.guid(), type, at, creator, user.username(), p, null, null, null, null, null, p.label());
        MissionItems.Uid e = java.util.Objects.requireNonNull(u);
        return new MissionItems.Change(0, m.guid(), type, at, creator, user.username(), null, e.uid(), e.cotType(), e.callsign(), e.lat(), e.lon(), e.label());
    }

    /** The reader's picture by track id; empty when the picture cannot answer now (a uid then takes the adder's default label). */
    private Map<String, TrackView> tracks(Reader reader) {
        try {
            Map<String, TrackView> byId = new HashMap<>();
            for (TrackView t : picture.tracks(reader)) byId.put(t.id(), t);
            return byId;
        } catch (IllegalStateException e) {
            return Map.of();
        }
    }
}
