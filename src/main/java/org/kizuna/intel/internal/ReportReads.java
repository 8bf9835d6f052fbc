package org.kizuna.intel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.kizuna.intel.NewReport;
import org.kizuna.intel.ReportPage;
import org.kizuna.intel.ReportView;
import org.kizuna.label.Clearance;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.LeastRecentlyUsed;

/**
 * The read side of the intel module: a page of reports and a single report for one reader, each as one query of the
 * read path. A list decides each label set once per reader (cached per reader and UTC day, as the kernel's
 * decisions follow the day), selects a page of the reports having a readable label set newest first, and counts them
 * from the label sets' counts; then the page's portions and links pass through the read path, which decides them
 * again item by item, so the cache can only narrow what the read path gives, never widen it.
 */
public class ReportReads {

    /** The most readers whose label-set decisions are kept. */
    static final int READERS = 1024;

    private final JdbcReports store;
    private final ReadPath readPath;
    private final LabelKernel kernel;
    private final Clock clock;
    private final Map<Key, Map<Long, Boolean>> decisions = java.util.Collections.synchronizedMap(new LeastRecentlyUsed<>(READERS));

    private record Key(Reader reader, LocalDate day) {
    }

    public ReportReads(JdbcReports store, ReadPath readPath, Clock clock) {
        this.store = store;
        this.readPath = readPath;
        this.kernel = readPath.kernel();
        this.clock = clock;
    }

    public ReadPath readPath() {
        return readPath;
    }

    /** A page (from 0) of {@code size} reports the reader may read, newest first, with the total of those. */
    public ReportPage page(Reader reader, int page, int size) {
        Clearance c = kernel.clearance(reader);
        Map<Long, Boolean> decided = decisions.computeIfAbsent(new Key(reader, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                k -> new ConcurrentHashMap<>());
        List<Long> readable = new ArrayList<>(), unreadable = new ArrayList<>();
        long total = 0;
        for (JdbcReports.LabelSet set : store.labelsets()) {
            if (decided.computeIfAbsent(set.id(), id -> anyReadable(set.labels(), c))) {
                readable.add(set.id());
                total += set.reports();
            } else {
                unreadable.add(set.id());
            }
        }
        // a label set with no report yet is absent from both lists: "not in" would let its first report through, and the
        // read path would then decide its portions as for any report
        List<String> ids = readable.size() <= unreadable.size()
                ? store.page(readable, null, size, (long) page * size)
                : store.page(null, unreadable, size, (long) page * size);
        List<ReportView> views = views(ids, reader, "intel/reports page=" + page + " size=" + size);
        return new ReportPage(total, page, size, views);
    }

    private boolean anyReadable(long[] labelIds, Clearance c) {
        for (long id : labelIds) {
            if (kernel.mayRead(store.label(id), c)) return true;
        }
        return false;
    }

    /** The reader's view of one report, as one query; empty when it does not exist or the reader may read none of it. */
    public Optional<ReportView> single(String id, Reader reader) {
        List<ReportView> views = views(store.report(id).map(r -> List.of(r.id())).orElse(List.of()), reader, "intel/report/" + id);
        return views.stream().findFirst();
    }

    /** The views of these reports (in this order) for the reader, as one query for {@code asked}. */
    List<ReportView> views(List<String> ids, Reader reader, String asked) {
        Map<String, JdbcReports.StoredReport> reports = new LinkedHashMap<>();
        for (JdbcReports.StoredReport r : store.reports(ids)) reports.put(r.id(), r);
        List<JdbcReports.StoredPortion> portions = store.portions(reports.keySet());
        List<JdbcReports.StoredLink> links = store.links(reports.keySet());
        List<JdbcReports.StoredPortion> visible;
        List<JdbcReports.StoredLink> visibleLinks;
        Clearance c = kernel.clearance(reader);
        try (ReadPath.Query q = readPath.query(reader, asked)) {
            visible = q.readable(portions, p -> p.reportId() + "/" + p.id());
            // a link shows only when the reader may read its label (the roll-up of its two portions) and the portion on
            // each side: the portion on this side is among those given; the other side's by its own label
            visibleLinks = q.readable(links, l -> "link " + l.portionA() + "-" + l.portionB());
        }
        Map<String, List<JdbcReports.StoredPortion>> byReport = new LinkedHashMap<>();
        for (JdbcReports.StoredPortion p : visible) byReport.computeIfAbsent(p.reportId(), k -> new ArrayList<>()).add(p);
        Map<String, Long> totals = new java.util.HashMap<>();
        for (JdbcReports.StoredPortion p : portions) totals.merge(p.reportId(), 1L, Long::sum);
        Set<String> visiblePortionIds = new LinkedHashSet<>();
        for (JdbcReports.StoredPortion p : visible) visiblePortionIds.add(p.id());
        List<ReportView> out = new ArrayList<>();
        for (String id : ids) {
            JdbcReports.StoredReport r = reports.get(id);
            List<JdbcReports.StoredPortion> mine = byReport.get(id);
            if (r == null || mine == null || mine.isEmpty()) continue;
            boolean whole = mine.size() == totals.getOrDefault(id, 0L);
            List<ReportView.Related> related = new ArrayList<>();
            List<Label> relatedLabels = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (JdbcReports.StoredLink l : visibleLinks) {
                if (!l.reportA().equals(id) && !l.reportB().equals(id)) continue;
                if (!visiblePortionIds.contains(l.own(id))) continue;
                if (seen.add(l.other(id) + "|" + l.reason())) {
                    related.add(new ReportView.Related(l.other(id), l.reason(), l.label().portionMark()));
                    relatedLabels.add(l.label());
                }
            }
            out.add(view(r, mine, whole, related, relatedLabels, c));
        }
        return out;
    }

    private ReportView view(JdbcReports.StoredReport r, List<JdbcReports.StoredPortion> mine, boolean whole, List<ReportView.Related> related,
            List<Label> relatedLabels, Clearance c) {
        ReportView.PortionView title = null;
        List<ReportView.PortionView> portions = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        Instant updated = r.createdAt();
        for (JdbcReports.StoredPortion p : mine) {
            labels.add(p.label());
            if (p.changedAt().isAfter(updated)) updated = p.changedAt();
            ReportView.AttachmentInfo attachment = p.attachmentName() == null
                    ? null
                    : new ReportView.AttachmentInfo(p.attachmentName(), p.mediaType() == null ? "application/octet-stream" : p.mediaType(),
                            p.contentSize() == null ? 0 : p.contentSize());
            Label national = national(p.label());
            ReportView.PortionView v = new ReportView.PortionView(p.id(), p.kind(), p.label().portionMark(), p.text(), attachment, p.changedAt(),
                    national == null ? null : national.portionMark());
            if (p.kind().equals(Kinds.TITLE)) {
                title = v;
            } else {
                portions.add(v);
            }
        }
        Label banner = rollUp(labels);
        if (whole && r.bannerOverride() != null) {
            Label override = Label.parse(r.bannerOverride());
            if (kernel.mayRead(override, c)) banner = override;
        }
        NewReport.Location location = title != null && r.lat() != null && r.lon() != null ? new NewReport.Location(r.lat(), r.lon()) : null;
        Label nationalBanner = national(banner);
        return new ReportView(r.id(), banner, title, title == null, portions, r.nation(), r.author(), r.originator(), r.createdAt(), updated,
                location, title == null ? null : r.observedAt(), related, printBanner(banner, relatedLabels),
                nationalBanner == null ? null : nationalBanner.banner());
    }

    /** The report's banner raised by the marks of its related links, which print with it; null when they have no roll-up. */
    private @Nullable Label printBanner(Label banner, List<Label> relatedLabels) {
        if (relatedLabels.isEmpty()) return banner;
        List<Label> printed = new ArrayList<>(relatedLabels);
        printed.add(banner);
        try {
            return kernel.rollUp(printed);
        } catch (InvalidMarkingException e) {
            return null;
        }
    }

    /**
     * A label of another policy (a partner's) in this node's policy, as it arrived beside the originator's label
     * (federation refuses a part whose form there is not what this node's tables give); null for a label of the node's
     * own policy, on a kernel of no node, or with no equivalent.
     */
    private @Nullable Label national(Label label) {
        return kernel.nodePolicy().filter(p -> !p.equals(label.policy())).flatMap(p -> kernel.inPolicy(label, p)).orElse(null);
    }

    private Label rollUp(List<Label> labels) {
        try {
            return kernel.rollUp(labels);
        } catch (InvalidMarkingException e) {
            // the parts a reader may read have the reader's nation in common, and intake checked that all parts roll up
            throw new IllegalStateException("a report's readable portions do not roll up: " + e.getMessage(), e);
        }
    }

    /** The reader's decisions kept (for tests of the cache). */
    int cachedReaders() {
        return decisions.size();
    }

    static @Nullable String nullIfBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
