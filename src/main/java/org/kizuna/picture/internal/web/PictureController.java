package org.kizuna.picture.internal.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.cot.CotXmlParser;
import org.kizuna.picture.internal.cot.TakCodec;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.TrackState;
import org.kizuna.picture.internal.history.TrackJournal;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The picture over HTTP: the tracks the signed-in reader may see (JSON and GeoJSON) and single CoT
 * events in (XML, or a TAK protocol {@code TakMessage} as {@code application/x-protobuf}).
 */
@RestController
@RequestMapping("/api/v1/picture")
class PictureController {

    private static final Logger log = LoggerFactory.getLogger(PictureController.class);

    private final LivePicture picture;
    private final LabelKernel kernel;
    private final TrackJournal journal;

    private final Writes writes;
    private final Clock clock;

    private final org.kizuna.identity.UserDirectory users;

    PictureController(LivePicture picture, LabelKernel kernel, TrackJournal journal, Writes writes, Clock clock,
            org.kizuna.identity.UserDirectory users) {
        this.users = users;
        this.writes = writes;
        this.clock = clock;
        this.picture = picture;
        this.kernel = kernel;
        this.journal = journal;
    }

    /**
     * The journalled positions of a track over the last {@code minutes} (1 to 1440) that the reader may
     * read, from the reader's own audience: its own fused track of that id, else the self-reported track
     * of that uid by {@code nation} (default: the nation of the latest version the reader may read).
     */
    @GetMapping("/tracks/{id}/history")
    List<TrackJournal.Point> history(@PathVariable String id,
            @RequestParam(defaultValue = "10") @Min(value = 1, message = "{picture.history.minutes}") @Max(value = 1440, message = "{picture.history.minutes}") int minutes,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}", message = "{picture.history.nation}") @Nullable String nation, Reader reader) {
        return journal.history(id, nation, clock.instant().minus(Duration.ofMinutes(minutes)), reader, 5000);
    }

    /** The banner of the picture the reader sees: the roll-up of the labels of its tracks. */
    @GetMapping("/banner")
    Map<String, Object> banner(Reader reader) {
        List<TrackState> tracks = picture.states(reader);
        java.util.Set<Label> labels = new java.util.HashSet<>();
        for (TrackState t : tracks) labels.add(t.marking.label());
        String banner = labels.isEmpty() ? "UNCLASSIFIED" : kernel.rollUp(labels).banner();
        return Map.of("banner", banner, "tracks", tracks.size());
    }

    /**
     * The tracks the reader may see, as {@link TrackView} objects. Written from each track version's own
     * JSON encoding, made once and shared with the event streams ({@link TrackState#json()}), so the REST
     * API and the map receive the same bytes for the same track.
     */
    @GetMapping(value = "/tracks", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] tracks(Reader reader) {
        return StreamPayload.array(picture.states(reader));
    }

    @GetMapping(value = "/tracks.geojson", produces = {"application/geo+json", "application/json"})
    Map<String, Object> geojson(Reader reader) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (TrackView t : picture.tracks(reader)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", t.id());
            properties.put("callsign", t.callsign());
            properties.put("type", t.type());
            properties.put("affiliation", t.affiliation());
            properties.put("dimension", t.dimension());
            properties.put("speed", t.speed());
            properties.put("course", t.course());
            properties.put("banner", t.banner());
            properties.put("nations", t.nations());
            properties.put("lastUpdate", t.lastUpdate().toString());
            properties.put("stale", t.stale().toString());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", t.id());
            f.put("geometry", Map.of("type", "Point", "coordinates", List.of(t.lon(), t.lat(), t.altitude())));
            f.put("properties", properties);
            features.add(f);
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @PostMapping(value = "/events", consumes = {"application/xml", "text/xml", "application/x-protobuf"})
    ResponseEntity<Map<String, Object>> event(@RequestBody byte[] body,
            @RequestHeader(value = "Content-Type", defaultValue = "application/xml") String contentType, KizunaUser user) {
        // the event reports as the user's own nation (the source below), so that is the nation the write matrix checks
        writes.authorize(user, Write.POST_PICTURE_EVENT, user.nation());
        if (body.length > CotXmlParser.MAX_EVENT_BYTES) {
            throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "event of " + body.length + " bytes exceeds the limit of " + CotXmlParser.MAX_EVENT_BYTES);
        }
        try {
            CotEvent e = contentType.startsWith("application/x-protobuf")
                    ? TakCodec.decode(body, 0, body.length)
                    : new CotXmlParser().parse(body);
            if (e == null) throw new CotRejected("the TAK message carries no event");
            // unlabelled: the user's default label (set by an administrator), else its own nation only
            picture.ingest(e, new Source("rest:" + user.username(), user.nation(),
                    CotIdentities.defaultLabel(user.nation(), user.clearance(), users.defaultLabel(user.username()).orElse(null)), true,
                    "rest:" + user.username(), user.reader()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("uid", e.uid());
            answer.put("type", e.type());
            answer.put("accepted", true);
            return ResponseEntity.accepted().body(answer);
        } catch (CotRejected r) {
            log.warn("CoT event from {} over REST rejected: {}", user.username(), r.getMessage());
            Reason why = r.why();
            throw Problems.badRequest("picture.problem.rejected", why != null ? why : String.valueOf(r.getMessage()));
        }
    }

}
