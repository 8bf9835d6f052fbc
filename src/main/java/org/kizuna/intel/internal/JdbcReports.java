package org.kizuna.intel.internal;

import static org.kizuna.node.Columns.instant;
import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reports, portions, links and releases in the node's database (raw: every read for a user goes through the read path
 * in {@link ReportReads}). Labels are stored once each and referred to by id; a report's distinct portion labels are
 * its label set, which carries the number of reports that have it.
 */
public class JdbcReports {

    /** The widths of the label columns (V60__intel.sql). */
    static final int LABEL_LENGTH = 400;

    private final JdbcClient jdbc;
    private final Map<Long, Label> labels = new ConcurrentHashMap<>();
    private final Map<Long, long[]> labelsets = new ConcurrentHashMap<>();

    public JdbcReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report's own row. */
    public record StoredReport(String id, String nation, String author, Instant createdAt, long labelset, @Nullable String bannerOverride,
            @Nullable String originator, @Nullable String importedFrom, @Nullable Double lat, @Nullable Double lon, @Nullable Instant observedAt) {
    }

    /** A portion as stored (never the attachment's bytes, which {@link #content} reads). */
    public record StoredPortion(String id, String reportId, int seq, String kind, Label label, String text, @Nullable String attachmentName,
            @Nullable String mediaType, @Nullable Long contentSize, @Nullable String ceiling, Instant changedAt) implements Labelled {
    }

    /** A link between two reports through one portion of each, under the roll-up of the two portions' labels. */
    public record StoredLink(String reportA, String portionA, String reportB, String portionB, String reason, Label label) implements Labelled {

        String other(String report) {
            return reportA.equals(report) ? reportB : reportA;
        }

        String own(String report) {
            return reportA.equals(report) ? portionA : portionB;
        }
    }

    /** A release, pending or done. */
    public record StoredRelease(String id, String reportId, @Nullable String portionId, String kind, List<String> to, Label label,
            @Nullable String text, String firstReleaser, @Nullable String secondReleaser, String state, Instant createdAt) {
    }

    /** A label set with the number of reports that have it. */
    public record LabelSet(long id, long[] labels, long reports) {
    }

    /** A statement with positional parameters, any of which may be null. */
    private JdbcClient.StatementSpec sql(String sql, @Nullable Object... values) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Object v : values) spec = spec.param(v);
        return spec;
    }

    // ---- labels and label sets

    /** The id of a label, stored if new (callers hold the service's lock). */
    public long labelId(Label label) {
        String banner = label.banner();
        if (banner.length() > LABEL_LENGTH) throw new IllegalArgumentException("a marking is longer than " + LABEL_LENGTH + " characters");
        Optional<Long> id = jdbc.sql("select id from intel_label where banner = ?").param(banner).query(Long.class).optional();
        if (id.isPresent()) return id.get();
        jdbc.sql("insert into intel_label (banner) values (?)").param(banner).update();
        return jdbc.sql("select id from intel_label where banner = ?").param(banner).query(Long.class).single();
    }

    public Label label(long id) {
        Label l = labels.get(id);
        if (l != null) return l;
        l = Label.parse(jdbc.sql("select banner from intel_label where id = ?").param(id).query(String.class).single());
        labels.put(id, l);
        return l;
    }

    /** The id of the label set of these label ids, stored if new. */
    public long labelsetId(SortedSet<Long> labelIds) {
        String key = labelIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Optional<Long> id = jdbc.sql("select id from intel_labelset where label_ids = ?").param(key).query(Long.class).optional();
        if (id.isPresent()) return id.get();
        jdbc.sql("insert into intel_labelset (label_ids, reports) values (?, 0)").param(key).update();
        return jdbc.sql("select id from intel_labelset where label_ids = ?").param(key).query(Long.class).single();
    }

    public void countLabelset(long id, int delta) {
        sql("update intel_labelset set reports = reports + ? where id = ?", delta, id).update();
        forgetLabelsets();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // read again once the change is committed or rolled back, never from a state in between
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetLabelsets();
                }
            });
        }
    }

    private volatile @Nullable List<LabelSet> current;

    private void forgetLabelsets() {
        current = null;
    }

    /** Every label set that some report has, with its label ids and count (kept until a count changes). */
    public List<LabelSet> labelsets() {
        List<LabelSet> c = current;
        if (c == null) {
            c = List.copyOf(readLabelsets());
            current = c;
        }
        return c;
    }

    private List<LabelSet> readLabelsets() {
        return jdbc.sql("select id, label_ids, reports from intel_labelset where reports > 0").query((rs, n) -> {
            long id = rs.getLong(1);
            String key = rs.getString(2);
            long[] ids = labelsets.computeIfAbsent(id, k -> parseIds(key));
            return new LabelSet(id, ids, rs.getLong(3));
        }).list();
    }

    private static long[] parseIds(String key) {
        String[] parts = key.split(",", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Long.parseLong(parts[i]);
        return out;
    }

    // ---- reports and portions

    public void insertReport(StoredReport r) {
        sql("""
                insert into intel_report (id, nation, author, created_at, labelset_id, banner_override, originator, imported_from, lat, lon, observed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(), r.nation(), r.author(), utc(r.createdAt()), r.labelset(), r.bannerOverride(),
                r.originator(), r.importedFrom(),
                r.lat(), r.lon(), utc(r.observedAt()))
                .update();
    }

    /** Inserts a portion; {@code base64} is an attachment's content (or null). */
    public void insertPortion(StoredPortion p, @Nullable String base64) {
        sql("""
                insert into intel_portion (id, report_id, seq, kind, label_id, text, attachment_name, media_type, content_size, content, ceiling, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", p.id(), p.reportId(), p.seq(), p.kind(), labelId(p.label()), p.text(), p.attachmentName(),
                p.mediaType(), p.contentSize(),
                base64, p.ceiling(), utc(p.changedAt()))
                .update();
    }

    public void setLabelset(String reportId, long labelset) {
        sql("update intel_report set labelset_id = ? where id = ?", labelset, reportId).update();
    }

    public void setPortionLabel(String portionId, Label label, Instant at) {
        sql("update intel_portion set label_id = ?, changed_at = ? where id = ?", labelId(label), utc(at), portionId).update();
    }

    public Optional<StoredReport> report(String id) {
        return jdbc.sql("select * from intel_report where id = ?").param(id).query((rs, n) -> report(rs)).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from intel_report").query(Long.class).single();
    }

    public List<StoredReport> reports(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from intel_report where id in (" + placeholders(ids.size()) + ")").params(List.copyOf(ids))
                .query((rs, n) -> report(rs)).list();
    }

    /**
     * The ids of a page of reports newest first, of the label sets {@code in} (null: any) and not of those {@code notIn}
     * (null: none); the caller gives whichever list is shorter.
     */
    public List<String> page(@Nullable List<Long> in, @Nullable List<Long> notIn, int limit, long offset) {
        if (in != null && in.isEmpty()) return List.of();
        String where = in != null
                ? " where labelset_id in (" + placeholders(in.size()) + ")"
                : notIn != null && !notIn.isEmpty() ? " where labelset_id not in (" + placeholders(notIn.size()) + ")" : "";
        List<Object> params = new ArrayList<>(in != null ? in : notIn != null ? notIn : List.of());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select id from intel_report" + where + " order by created_at desc, id desc limit ? offset ?").params(params)
                .query((rs, n) -> java.util.Objects.requireNonNull(rs.getString(1))).list();
    }

    /** The portions of these reports in the authors' order, without attachment bytes. */
    public List<StoredPortion> portions(Collection<String> reportIds) {
        if (reportIds.isEmpty()) return List.of();
        return jdbc.sql("""
                select id, report_id, seq, kind, label_id, text, attachment_name, media_type, content_size, ceiling, changed_at
                from intel_portion where report_id in (%s) order by report_id, seq""".formatted(placeholders(reportIds.size())))
                .params(List.copyOf(reportIds)).query((rs, n) -> portion(rs)).list();
    }

    public Optional<StoredPortion> portion(String id) {
        return jdbc.sql("""
                select id, report_id, seq, kind, label_id, text, attachment_name, media_type, content_size, ceiling, changed_at
                from intel_portion where id = ?""").param(id).query((rs, n) -> portion(rs)).optional();
    }

    public Optional<String> content(String portionId) {
        return jdbc.sql("select content from intel_portion where id = ?").param(portionId).query(String.class).optional();
    }

    public int nextSeq(String reportId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from intel_portion where report_id = ?").param(reportId).query(Integer.class).single();
    }

    /** Reports with a place and an observation time within [from, to]. */
    public List<StoredReport> observedBetween(Instant from, Instant to) {
        return sql("select * from intel_report where observed_at between ? and ? and lat is not null and lon is not null", utc(from), utc(to))
                .query((rs, n) -> report(rs)).list();
    }

    /** Every report with its portions (attachment bytes left out), report by report, for the search index. */
    public Stream<Map.Entry<StoredReport, List<StoredPortion>>> all() {
        Stream<StoredReport> reports = jdbc.sql("select * from intel_report order by created_at, id").query((rs, n) -> report(rs)).stream();
        return reports.map(r -> Map.entry(r, portions(List.of(r.id()))));
    }

    // ---- federation: versions and replicas

    /** Raises an own report's version (every change it shares) and answers the new one. */
    public long bumpVersion(String reportId) {
        sql("update intel_report set version = version + 1 where id = ?", reportId).update();
        return version(reportId);
    }

    public long version(String reportId) {
        return sql("select version from intel_report where id = ?", reportId).query(Long.class).optional().orElse(0L);
    }

    /**
     * The ids of the reports this node owns and has shared (not replicas, not imported), after {@code afterId} in id
     * order, at most {@code limit}: one page of what a newly admitted peer is offered.
     */
    public List<String> ownSharedIds(String afterId, int limit) {
        return sql("select id from intel_report where originator is null and replica = false and version > 0 and id > ? order by id limit ?", afterId,
                limit).query((rs, n) -> rs.getString(1)).list();
    }

    /** Whether the report is a read-only replica of another node's report. */
    public boolean isReplica(String reportId) {
        return sql("select replica from intel_report where id = ?", reportId).query(Boolean.class).optional().orElse(false);
    }

    public void markReplica(String reportId, long version) {
        sql("update intel_report set replica = true, version = ? where id = ?", version, reportId).update();
    }

    /** Deletes a report with its portions, identifiers, links and releases (a replica replaced or withdrawn). */
    public void delete(String reportId) {
        Optional<StoredReport> r = report(reportId);
        if (r.isEmpty()) return;
        sql("delete from intel_link where report_a = ? or report_b = ?", reportId, reportId).update();
        sql("delete from intel_identifier where report_id = ?", reportId).update();
        sql("delete from intel_release where report_id = ?", reportId).update();
        sql("delete from intel_portion where report_id = ?", reportId).update();
        sql("delete from intel_report where id = ?", reportId).update();
        countLabelset(r.get().labelset(), -1);
    }

    // ---- identifiers and links

    public void insertIdentifier(String reportId, String portionId, String kind, String value) {
        sql("insert into intel_identifier (report_id, portion_id, kind, ident) values (?, ?, ?, ?)", reportId, portionId, kind, value).update();
    }

    /** The (report, portion) pairs that carry this identifier. */
    public List<String[]> withIdentifier(String kind, String value) {
        return sql("select report_id, portion_id from intel_identifier where kind = ? and ident = ?", kind, value)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
    }

    public void insertLink(StoredLink l, Instant at) {
        sql("insert into intel_link (report_a, portion_a, report_b, portion_b, reason, label, created_at) values (?, ?, ?, ?, ?, ?, ?)", l.reportA(),
                l.portionA(), l.reportB(), l.portionB(), l.reason(), l.label().banner(), utc(at)).update();
    }

    public boolean linked(String portionA, String portionB, String reason) {
        return sql("select count(*) from intel_link where ((portion_a = ? and portion_b = ?) or (portion_a = ? and portion_b = ?)) and reason = ?", portionA,
                portionB, portionB, portionA, reason).query(Long.class).single() > 0;
    }

    public List<StoredLink> links(Collection<String> reportIds) {
        if (reportIds.isEmpty()) return List.of();
        String in = placeholders(reportIds.size());
        List<Object> params = new ArrayList<>(reportIds);
        params.addAll(reportIds);
        // two indexed halves rather than one "or", which a database may answer by reading the whole table
        return jdbc.sql("select * from intel_link where report_a in (" + in + ") union select * from intel_link where report_b in (" + in
                + ") order by created_at, reason").params(params).query((rs, n) -> link(rs)).list();
    }

    public List<StoredLink> linksOfPortion(String portionId) {
        return sql("select * from intel_link where portion_a = ? or portion_b = ?", portionId, portionId).query((rs, n) -> link(rs)).list();
    }

    public void setLinkLabel(StoredLink l, Label label) {
        sql("update intel_link set label = ? where portion_a = ? and portion_b = ? and reason = ?", label.banner(), l.portionA(), l.portionB(), l.reason())
                .update();
    }

    // ---- releases

    public void insertRelease(StoredRelease r) {
        sql("""
                insert into intel_release (id, report_id, portion_id, kind, to_nations, label, text, first_releaser, second_releaser, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(), r.reportId(), r.portionId(), r.kind(), String.join(",", r.to()), r.label().banner(),
                r.text(), r.firstReleaser(),
                r.secondReleaser(), r.state(), utc(r.createdAt()))
                .update();
    }

    public void completeRelease(String id, String secondReleaser, String state, Instant at) {
        sql("update intel_release set second_releaser = ?, state = ?, completed_at = ? where id = ?", secondReleaser, state, utc(at), id)
                .update();
    }

    /** The pending releases of a report. */
    public List<StoredRelease> pending(String reportId) {
        return jdbc.sql("select * from intel_release where report_id = ? and state = 'PENDING' order by created_at").param(reportId)
                .query((rs, n) -> release(rs)).list();
    }

    /** The pending releases of every report of a nation. */
    public List<StoredRelease> pendingOfNation(String nation) {
        return jdbc.sql("""
                select r.* from intel_release r join intel_report p on p.id = r.report_id
                where r.state = 'PENDING' and p.nation = ? order by r.created_at""").param(nation).query((rs, n) -> release(rs)).list();
    }

    public List<StoredRelease> releases(String reportId) {
        return jdbc.sql("select * from intel_release where report_id = ? order by created_at").param(reportId).query((rs, n) -> release(rs)).list();
    }

    // ---- rows

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static StoredReport report(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("lat");
        boolean noLat = rs.wasNull();
        double lon = rs.getDouble("lon");
        boolean noLon = rs.wasNull();
        return new StoredReport(rs.getString("id"), rs.getString("nation"), rs.getString("author"), requiredInstant(rs, "created_at"),
                rs.getLong("labelset_id"), rs.getString("banner_override"), rs.getString("originator"), rs.getString("imported_from"),
                noLat ? null : lat, noLon ? null : lon, instant(rs, "observed_at"));
    }

    private StoredPortion portion(ResultSet rs) throws SQLException {
        long size = rs.getLong("content_size");
        Long contentSize = rs.wasNull() ? null : size;
        return new StoredPortion(rs.getString("id"), rs.getString("report_id"), rs.getInt("seq"), rs.getString("kind"), label(rs.getLong("label_id")),
                rs.getString("text"), rs.getString("attachment_name"), rs.getString("media_type"), contentSize, rs.getString("ceiling"),
                requiredInstant(rs, "changed_at"));
    }

    private final Map<String, Label> parsed = new ConcurrentHashMap<>();

    private Label parsed(String banner) {
        return parsed.computeIfAbsent(banner, Label::parse);
    }

    private StoredLink link(ResultSet rs) throws SQLException {
        return new StoredLink(rs.getString("report_a"), rs.getString("portion_a"), rs.getString("report_b"), rs.getString("portion_b"),
                rs.getString("reason"), parsed(rs.getString("label")));
    }

    private StoredRelease release(ResultSet rs) throws SQLException {
        return new StoredRelease(rs.getString("id"), rs.getString("report_id"), rs.getString("portion_id"), rs.getString("kind"),
                List.of(rs.getString("to_nations").split(",")), parsed(rs.getString("label")), rs.getString("text"), rs.getString("first_releaser"),
                rs.getString("second_releaser"), rs.getString("state"), requiredInstant(rs, "created_at"));
    }
}
