package org.kizuna.tak.internal;

import static org.kizuna.tak.internal.MissionNotices.attr;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.Problems;
import org.kizuna.picture.TrackView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TAK's mission calls (DataSync) under {@code /Marti/api/missions}, the subset ATAK and node-tak make: create, list,
 * get (by name or guid), keywords, contents (add and remove), the change log, the mission's CoT, and subscriptions.
 * Answers are TAK's envelopes ({@code {"version":"3","type":"Mission","data":[...],"nodeId":...}}); a mission the
 * caller may not read is a 404 with the text of a mission that does not exist.
 */
@RestController
@RequestMapping("/Marti/api/missions")
class MissionController {

    static final String SUBSCRIPTION_TYPE = "com.bbn.marti.sync.model.MissionSubscription";
    private static final Duration MAX_SECAGO = Duration.ofDays(36_500);

    private final Missions missions;
    private final TakConfiguration.TakCallers callers;
    private final Clock clock;

    MissionController(Missions missions, TakConfiguration.TakCallers callers, Clock clock) {
        this.missions = missions;
        this.callers = callers;
        this.clock = clock;
    }

    /** The body of {@code PUT .../contents}: data packages by hash and CoT uids to put in the mission. */
    record Contents(
            @Nullable @Size(max = Missions.MAX_PER_CALL, message = "at most " + Missions.MAX_PER_CALL
                    + " per call") List<@Pattern(regexp = "[0-9a-fA-F]{64}", message = "the SHA-256 of a data package in 64 hex digits") String> hashes,
            @Nullable @Size(max = Missions.MAX_PER_CALL, message = "at most " + Missions.MAX_PER_CALL
                    + " per call") List<@Size(min = 1, max = 256, message = "1-256 characters") @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters") String> uids) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(required = false) @Nullable String tool) {
        KizunaUser user = callers.current();
        List<Map<String, Object>> data = new ArrayList<>();
        for (Missions.View v : missions.list(user.reader(), tool)) data.add(mission(v, user, false, false));
        return MartiController.envelope("Mission", data);
    }

    /** Creates the mission (201) or, when the caller may read one of that name, describes it anew (200); PUT as ATAK does, POST as node-tak does. */
    @RequestMapping(value = "/{name}", method = {RequestMethod.PUT, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@PathVariable String name, @RequestParam(required = false) @Nullable String creatorUid,
            @RequestParam(required = false) @Nullable String description, @RequestParam(required = false) @Nullable String chatRoom,
            @RequestParam(required = false) @Nullable String tool, @RequestParam(name = "keywords", required = false) @Nullable List<String> keywords,
            @RequestParam(required = false) @Nullable String password, @RequestParam(required = false) @Nullable Boolean inviteOnly) {
        KizunaUser user = callers.current();
        if (password != null && !password.isEmpty()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "password: Kizuna has no password-protected missions; who may read a mission is decided by its label");
        }
        if (Boolean.TRUE.equals(inviteOnly)) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "inviteOnly: Kizuna has no invitation-only missions; who may read a mission is decided by its label");
        }
        Missions.Saved saved = missions.create(user, name, new Missions.Details(description, chatRoom, tool, keywords, creatorUid));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).contentType(MediaType.APPLICATION_JSON)
                .body(envelope(saved.view(), user, false, false));
    }

    @GetMapping(value = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@PathVariable String name, @RequestParam(required = false) @Nullable Boolean changes,
            @RequestParam(required = false) @Nullable Boolean logs, @RequestParam(required = false) @Nullable Long secago,
            @RequestParam(required = false) @Nullable Instant start, @RequestParam(required = false) @Nullable Instant end) {
        KizunaUser user = callers.current();
        Missions.@Nullable Window window = asked(changes, secago, start, end);
        Missions.View v = missions.get(user.reader(), name, window).orElseThrow(() -> notFound(name));
        return envelope(v, user, window != null, Boolean.TRUE.equals(logs));
    }

    @GetMapping(value = "/guid/{guid}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> byGuid(@PathVariable String guid, @RequestParam(required = false) @Nullable Boolean changes,
            @RequestParam(required = false) @Nullable Boolean logs, @RequestParam(required = false) @Nullable Long secago,
            @RequestParam(required = false) @Nullable Instant start, @RequestParam(required = false) @Nullable Instant end) {
        KizunaUser user = callers.current();
        Missions.@Nullable Window window = asked(changes, secago, start, end);
        Missions.View v = missions.byGuid(user.reader(), guid, window)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "no mission with guid " + guid.toLowerCase(java.util.Locale.ROOT)));
        return envelope(v, user, window != null, Boolean.TRUE.equals(logs));
    }

    @RequestMapping(value = "/{name}/keywords", method = RequestMethod.PUT, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> keywords(@PathVariable String name, @RequestBody(required = false) @Nullable List<String> keywords) {
        KizunaUser user = callers.current();
        Missions.View v = missions.keywords(user, name, keywords == null ? List.of() : keywords).orElseThrow(() -> notFound(name));
        return envelope(v, user, false, false);
    }

    @RequestMapping(value = "/{name}/contents", method = RequestMethod.PUT, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> addContents(@PathVariable String name, @RequestParam(required = false) @Nullable String creatorUid,
            @Valid @RequestBody Contents body) {
        KizunaUser user = callers.current();
        Missions.View v = missions.addContents(user, name, body.hashes() == null ? List.of() : body.hashes(), body.uids() == null ? List.of() : body.uids(),
                creatorUid).orElseThrow(() -> notFound(name));
        return envelope(v, user, false, false);
    }

    @DeleteMapping(value = "/{name}/contents", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> removeContents(@PathVariable String name, @RequestParam(required = false) @Nullable String hash,
            @RequestParam(required = false) @Nullable String uid, @RequestParam(required = false) @Nullable String creatorUid) {
        KizunaUser user = callers.current();
        Missions.View v = missions.removeContents(user, name, hash, uid, creatorUid).orElseThrow(() -> notFound(name));
        return envelope(v, user, false, false);
    }

    @GetMapping(value = "/{name}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> changes(@PathVariable String name, @RequestParam(required = false) @Nullable Long secago,
            @RequestParam(required = false) @Nullable Instant start, @RequestParam(required = false) @Nullable Instant end,
            @RequestParam(required = false) @Nullable Boolean squashed) {
        KizunaUser user = callers.current();
        List<MissionItems.Change> changes = missions.changes(user.reader(), name, window(secago, start, end)).orElseThrow(() -> notFound(name));
        String mission = name.strip();
        return MartiController.envelope("MissionChange", changes.stream().map(c -> change(mission, c)).toList());
    }

    /** The latest CoT of the mission's uids in the caller's picture, as TAK's {@code <events>} document. */
    @GetMapping(value = "/{name}/cot", produces = MediaType.APPLICATION_XML_VALUE)
    String cot(@PathVariable String name) {
        KizunaUser user = callers.current();
        List<TrackView> tracks = missions.tracks(user.reader(), name).orElseThrow(() -> notFound(name));
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><events>");
        for (TrackView t : tracks) event(x, t);
        return x.append("</events>").toString();
    }

    @RequestMapping(value = "/{name}/subscription", method = RequestMethod.PUT, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> subscribe(@PathVariable String name, @RequestParam(required = false) @Nullable String uid,
            @RequestParam(required = false) @Nullable String password) {
        KizunaUser user = callers.current();
        if (password != null && !password.isEmpty()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "password: Kizuna has no password-protected missions; who may read a mission is decided by its label");
        }
        Missions.Subscribed s = missions.subscribe(user, name, Missions.clientUid(uid)).orElseThrow(() -> notFound(name));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(MartiController.envelope(SUBSCRIPTION_TYPE, subscription(s.subscription(), s.mayWrite())));
    }

    @GetMapping(value = "/{name}/subscription", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> subscription(@PathVariable String name, @RequestParam(required = false) @Nullable String uid) {
        KizunaUser user = callers.current();
        Missions.Subscribed s = missions.subscription(user, name, Missions.clientUid(uid))
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "no subscription of client " + uid + " to a mission named " + name.strip()));
        return MartiController.envelope(SUBSCRIPTION_TYPE, subscription(s.subscription(), s.mayWrite()));
    }

    @DeleteMapping("/{name}/subscription")
    ResponseEntity<Void> unsubscribe(@PathVariable String name, @RequestParam(required = false) @Nullable String uid,
            @RequestParam(required = false) @Nullable Boolean disconnectOnly) {
        KizunaUser user = callers.current();
        if (missions.unsubscribe(user, name, Missions.clientUid(uid)).isEmpty()) throw notFound(name);
        return ResponseEntity.ok().build();
    }

    /** The client uids subscribed to the mission that the caller may know of. */
    @GetMapping(value = "/{name}/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> subscriptions(@PathVariable String name) {
        KizunaUser user = callers.current();
        List<MissionItems.Subscription> subs = missions.subscriptions(user.reader(), name).orElseThrow(() -> notFound(name));
        return MartiController.envelope("MissionSubscription", subs.stream().map(MissionItems.Subscription::clientUid).distinct().toList());
    }

    /** Kizuna has no mission invitations (labels decide who reads a mission): always an empty list, as ATAK asks on connecting. */
    @GetMapping(value = {"/invitations", "/all/invitations"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> invitations(@RequestParam(required = false) @Nullable String clientUid) {
        callers.current();
        return MartiController.envelope("MissionInvitation", List.of());
    }

    // ------------------------------------------------------------------ answers

    /** The window of the changes asked for with a mission ({@code changes=true}), or null where none were asked for. */
    private Missions.@Nullable Window asked(@Nullable Boolean changes, @Nullable Long secago, @Nullable Instant start, @Nullable Instant end) {
        return Boolean.TRUE.equals(changes) ? window(secago, start, end) : null;
    }

    /** One mission in the Marti API's envelope, as {@link #mission} describes it. */
    private Map<String, Object> envelope(Missions.View v, KizunaUser user, boolean withChanges, boolean withLogs) {
        return MartiController.envelope("Mission", List.of(mission(v, user, withChanges, withLogs)));
    }

    private Missions.Window window(@Nullable Long secago, @Nullable Instant start, @Nullable Instant end) {
        Instant now = clock.instant();
        if (secago != null && (secago < 0 || secago > MAX_SECAGO.toSeconds())) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "secago: 0-" + MAX_SECAGO.toSeconds() + " seconds");
        }
        Instant from = secago != null ? now.minusSeconds(secago) : start != null ? start : Missions.Window.ALL.from();
        Instant to = end != null ? end : Missions.Window.ALL.to();
        if (from.isBefore(Instant.EPOCH) || to.isAfter(Missions.Window.ALL.to())) throw Problems.of(HttpStatus.BAD_REQUEST, "start, end: from 1970 to 9999");
        if (!from.isBefore(to)) throw Problems.of(HttpStatus.BAD_REQUEST, "start, end: the start must come before the end");
        return new Missions.Window(from, to);
    }

    private static org.springframework.web.ErrorResponseException notFound(String name) {
        return Problems.of(HttpStatus.NOT_FOUND, "no mission named " + name.strip());
    }

    private Map<String, Object> mission(Missions.View v, KizunaUser user, boolean withChanges, boolean withLogs) {
        Mission m = v.mission();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", m.name());
        j.put("description", m.description());
        j.put("chatRoom", m.chatRoom());
        j.put("baseLayer", "");
        j.put("bbox", "");
        j.put("path", "");
        j.put("classification", m.label().banner());
        j.put("label", m.label().banner());
        j.put("tool", m.tool());
        j.put("keywords", m.keywords());
        j.put("creatorUid", m.creatorUid() == null ? "" : m.creatorUid());
        j.put("createTime", m.createdAt().toString());
        j.put("externalData", List.of());
        j.put("feeds", List.of());
        j.put("mapLayers", List.of());
        j.put("defaultRole", role(missions.mayWrite(user, m)));
        j.put("inviteOnly", false);
        j.put("expiration", -1);
        j.put("guid", m.guid());
        List<Map<String, Object>> uids = new ArrayList<>();
        for (MissionItems.Uid u : v.uids()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("data", u.uid());
            e.put("timestamp", u.addedAt().toString());
            e.put("creatorUid", u.creatorUid() == null ? "" : u.creatorUid());
            if (u.cotType() != null) e.put("details", details(u.cotType(), u.callsign(), u.lat(), u.lon()));
            uids.add(e);
        }
        j.put("uids", uids);
        List<Map<String, Object>> contents = new ArrayList<>();
        for (MissionItems.PackageItem p : v.packages()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("timestamp", p.addedAt().toString());
            e.put("creatorUid", p.creatorUid() == null ? "" : p.creatorUid());
            e.put("data", resource(p.pkg()));
            contents.add(e);
        }
        j.put("contents", contents);
        j.put("passwordProtected", false);
        j.put("groups", List.of());
        if (withChanges) j.put("missionChanges", v.changes().stream().map(c -> change(m.name(), c)).toList());
        if (withLogs) j.put("logs", List.of());
        return j;
    }

    private static Map<String, Object> resource(DataPackage p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("keywords", p.keywords());
        d.put("mimeType", p.mimeType());
        d.put("name", p.name());
        d.put("filename", p.name());
        d.put("submissionTime", p.submittedAt().toString());
        d.put("submitter", p.submittedBy());
        d.put("uid", p.id());
        d.put("creatorUid", p.creatorUid() == null ? "" : p.creatorUid());
        d.put("hash", p.hash());
        d.put("size", p.size());
        d.put("tool", "public");
        d.put("expiration", -1);
        d.put("label", p.label().banner());
        return d;
    }

    private static Map<String, Object> details(String type, @Nullable String callsign, @Nullable Double lat, @Nullable Double lon) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", type);
        if (callsign != null) d.put("callsign", callsign);
        if (lat != null && lon != null) d.put("location", Map.of("lat", lat, "lon", lon));
        return d;
    }

    private static Map<String, Object> change(String mission, MissionItems.Change c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("isFederatedChange", false);
        j.put("type", c.type().name());
        j.put("missionName", mission);
        j.put("missionGuid", c.missionGuid());
        j.put("timestamp", c.at().toString());
        j.put("serverTime", c.at().toString());
        j.put("creatorUid", c.creatorUid() == null ? c.changedBy() : c.creatorUid());
        if (c.uid() != null) {
            j.put("contentUid", c.uid());
            if (c.cotType() != null) j.put("details", details(c.cotType(), c.callsign(), c.lat(), c.lon()));
        }
        if (c.pkg() != null) j.put("contentResource", resource(c.pkg()));
        return j;
    }

    private static Map<String, Object> subscription(MissionItems.Subscription s, boolean mayWrite) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("clientUid", s.clientUid());
        j.put("username", s.username());
        j.put("createTime", s.createdAt().toString());
        j.put("role", role(mayWrite));
        return j;
    }

    /** TAK's role of a subscriber: one who may change the mission's contents may write, others read. */
    private static Map<String, Object> role(boolean mayWrite) {
        return mayWrite
                ? Map.of("type", "MISSION_SUBSCRIBER", "permissions", List.of("MISSION_READ", "MISSION_WRITE"))
                : Map.of("type", "MISSION_READONLY_SUBSCRIBER", "permissions", List.of("MISSION_READ"));
    }

    /** One track as a CoT event of TAK's {@code <events>} document. */
    private static void event(StringBuilder x, TrackView t) {
        x.append("<event version=\"2.0\"");
        attr(x, "uid", t.id());
        attr(x, "type", t.type());
        x.append(" how=\"m-g\"");
        attr(x, "time", t.lastUpdate().toString());
        attr(x, "start", t.lastUpdate().toString());
        attr(x, "stale", t.stale().toString());
        x.append("><point lat=\"").append(t.lat()).append("\" lon=\"").append(t.lon()).append("\" hae=\"")
                .append(Double.isNaN(t.altitude()) ? "9999999.0" : Double.toString(t.altitude())).append("\" ce=\"9999999.0\" le=\"9999999.0\"/><detail>");
        if (!t.callsign().isEmpty()) {
            x.append("<contact");
            attr(x, "callsign", t.callsign());
            x.append("/>");
        }
        x.append("</detail></event>");
    }
}
