package org.kizuna.tak.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.label.ReadPath;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotNotices;
import org.springframework.stereotype.Component;

/**
 * Tells the TAK clients of a mission's subscribers that it changed: a {@code t-x-m-c} event on each subscriber's CoT
 * streams, naming the mission and the changes the subscriber may read, as a TAK server does. Each subscriber's
 * notices are a stream of the read path ({@link ReadPath#subscribe}, audited once when it opens, then decided per
 * item): a subscriber who may no longer read the mission, or none of the changes, is told nothing.
 */
@Component
class MissionNotices {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MissionNotices.class);
    /** How long a notice is current (its stale time after its time). */
    static final long STALE_MS = 20_000;

    private final JdbcMissions store;
    private final UserDirectory users;
    private final ReadPath readPath;
    private final CotNotices cot;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReadPath.Subscription> streams = new ConcurrentHashMap<>();

    MissionNotices(JdbcMissions store, UserDirectory users, ReadPath readPath, CotNotices cot, Clock clock) {
        this.store = store;
        this.users = users;
        this.readPath = readPath;
        this.cot = cot;
        this.clock = clock;
    }

    /** Opens the user's stream of mission notices (when it is not open for the user as the user reads now). */
    void opened(KizunaUser user) {
        stream(user);
    }

    private ReadPath.Subscription stream(KizunaUser user) {
        return streams.compute(user.username(), (name, s) -> s != null && s.reader().equals(user.reader())
                ? s
                : readPath.subscribe(user.reader(), "tak/missions (notices of subscribed missions)"));
    }

    /**
     * Sends the changes to every subscriber of the mission, each the ones it may read; answers how many connections were
     * told. The change is stored already: a notice that cannot be sent (the audit refusing a subscriber's stream, say)
     * is logged and the call answers as usual; the subscriber reads the change log when it next asks.
     */
    int changed(Mission mission, List<MissionItems.Change> changes) {
        try {
            return send(mission, changes);
        } catch (RuntimeException e) {
            log.warn("TAK mission {}: subscribers not told of {} changes: {}", mission.guid(), changes.size(), e.toString());
            return 0;
        }
    }

    private int send(Mission mission, List<MissionItems.Change> changes) {
        if (changes.isEmpty()) return 0;
        Set<String> subscribers = new LinkedHashSet<>();
        for (MissionItems.Subscription s : store.subscriptionsOfGuid(mission.guid())) subscribers.add(s.username());
        int told = 0;
        for (String name : subscribers) {
            KizunaUser user = users.find(name).filter(u -> !users.isDisabled(name)).orElse(null);
            if (user == null) continue;
            ReadPath.Subscription s = stream(user);
            if (!s.mayRead(mission)) continue;
            List<MissionItems.Change> mine = changes.stream().filter(s::mayRead).toList();
            if (mine.isEmpty()) continue;
            told += cot.notify(name, notice(mission, mine, clock.millis()));
        }
        return told;
    }

    /** The {@code t-x-m-c} event of these changes of the mission. */
    static CotEvent notice(Mission m, List<MissionItems.Change> changes, long now) {
        StringBuilder x = new StringBuilder(512);
        x.append("<mission type=\"CHANGE\"");
        attr(x, "tool", m.tool());
        attr(x, "name", m.name());
        attr(x, "guid", m.guid());
        String author = changes.getFirst().creatorUid();
        attr(x, "authorUid", author == null ? changes.getFirst().changedBy() : author);
        x.append("><MissionChanges>");
        for (MissionItems.Change c : changes) {
            x.append("<MissionChange>");
            DataPackage p = c.pkg();
            if (p != null) {
                x.append("<contentResource>");
                element(x, "creatorUid", p.creatorUid());
                element(x, "expiration", "-1");
                element(x, "filename", p.name());
                element(x, "hash", p.hash());
                for (String k : p.keywords()) element(x, "keywords", k);
                element(x, "mimeType", p.mimeType());
                element(x, "name", p.name());
                element(x, "size", Long.toString(p.size()));
                element(x, "submissionTime", p.submittedAt().toString());
                element(x, "submitter", p.submittedBy());
                element(x, "tool", "public");
                element(x, "uid", p.id());
                x.append("</contentResource>");
            }
            if (c.uid() != null) element(x, "contentUid", c.uid());
            element(x, "creatorUid", c.creatorUid() == null ? c.changedBy() : c.creatorUid());
            element(x, "isFederatedChange", "false");
            element(x, "missionGuid", m.guid());
            element(x, "missionName", m.name());
            element(x, "timestamp", c.at().toString());
            element(x, "type", c.type().name());
            if (c.uid() != null && c.cotType() != null) {
                x.append("<details");
                attr(x, "type", c.cotType());
                if (c.callsign() != null) attr(x, "callsign", c.callsign());
                x.append('>');
                if (c.lat() != null && c.lon() != null) {
                    x.append("<location lat=\"").append(c.lat()).append("\" lon=\"").append(c.lon()).append("\"/>");
                }
                x.append("</details>");
            }
            x.append("</MissionChange>");
        }
        x.append("</MissionChanges></mission>");
        return new CotEvent(UUID.randomUUID().toString(), "t-x-m-c", "h-g-i-g-o", now, now, now + STALE_MS, 0, 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN,
                null, null, null, Double.NaN, Double.NaN, null, null, x.toString());
    }

    private static void element(StringBuilder x, String name, @Nullable String text) {
        if (text == null) return;
        x.append('<').append(name).append('>');
        escape(x, text);
        x.append("</").append(name).append('>');
    }

    /** An attribute {@code name="value"}, its value escaped as {@link #escape} does, after a space. */
    static void attr(StringBuilder x, String name, String value) {
        x.append(' ').append(name).append("=\"");
        escape(x, value);
        x.append('"');
    }

    /** XML text: markup characters as entities, control characters (which XML 1.0 cannot carry) as spaces. */
    static void escape(StringBuilder x, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> x.append("&amp;");
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '"' -> x.append("&quot;");
                case '\'' -> x.append("&apos;");
                default -> x.append(c < 0x20 ? ' ' : c);
            }
        }
    }
}
