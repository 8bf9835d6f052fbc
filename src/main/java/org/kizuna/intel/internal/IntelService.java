package org.kizuna.intel.internal;

import static org.kizuna.federation.SharedFields.optional;

import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kizuna.federation.Offers;
import org.kizuna.federation.RecordIds;
import org.kizuna.federation.Replicas;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.intel.AttachmentContent;
import org.kizuna.intel.BindingKey;
import org.kizuna.intel.Intel;
import org.kizuna.intel.NewReport;
import org.kizuna.intel.PendingRelease;
import org.kizuna.intel.ReleaseOutcome;
import org.kizuna.intel.ReleaseRequest;
import org.kizuna.intel.ReportPackage;
import org.kizuna.intel.ReportPage;
import org.kizuna.intel.ReportView;
import org.kizuna.intel.TearLineRequest;
import org.kizuna.label.Adatp4774;
import org.kizuna.label.GuardResult;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelBinding;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Link;
import org.kizuna.label.Policy;
import org.kizuna.label.Portion;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.label.ReleaseGuard;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.node.Transactions;
import org.kizuna.node.Validation;
import org.kizuna.registry.Organization;
import org.kizuna.registry.Registry;
import org.kizuna.search.Searchable;
import org.kizuna.search.SearchableChanged;
import org.kizuna.search.SearchableRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports, releases, correlation and packages. Reads go through {@link ReportReads} (one query of the read path per
 * call); every write is authorized by {@link Writes} once its target is found among what the user may read, checks
 * its input before it changes anything, and commits with the search record it publishes in one transaction. Writes
 * are serialized on this service (one node, modest write rates).
 */
class IntelService implements Intel {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntelService.class);

    static final String TWO_APPROVALS = "label.guard.manual-release";

    private final JdbcReports store;
    private final ReportReads reads;
    private final ReleaseGuard guard;
    private final LabelKernel kernel;
    private final Writes writes;
    private final Registry registry;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final IntelSettings settings;
    private final String nation;
    private final Policy nodePolicy;
    private final Reader nodeReader;
    private final Validator validator;
    private final Clock clock;
    private final KeyPair key;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Map.@Nullable Entry<LocalDate, List<Identifiers.Unit>> units;

    IntelService(JdbcReports store, ReportReads reads, ReleaseGuard guard, Writes writes, Registry registry, ApplicationEventPublisher events,
            TransactionTemplate tx, IntelSettings settings, NodeSettings node, Validator validator, Clock clock, KeyPair key) {
        this.store = store;
        this.reads = reads;
        this.guard = guard;
        this.kernel = reads.readPath().kernel();
        this.writes = writes;
        this.registry = registry;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.nation = node.nation();
        this.nodePolicy = Policy.ofNation(nation).orElseThrow();
        this.nodePolicy.level(settings.twoPersonFrom()); // a level of the node's policy, or the node does not start
        this.nodeReader = Reader.highestOf(nation);
        this.validator = validator;
        this.clock = clock;
        this.key = key;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public ReportPage reports(Reader reader, int page, int size) {
        if (page < 0 || page > 100_000) throw Problems.badRequest("intel.problem.page", String.valueOf(page));
        if (size < 1 || size > 100) throw Problems.badRequest("intel.problem.size", String.valueOf(size));
        return reads.page(reader, page, size);
    }

    @Override
    public Optional<ReportView> report(String id, Reader reader) {
        return reads.single(id, reader);
    }

    @Override
    public Optional<AttachmentContent> attachment(String reportId, String portionId, Reader reader) {
        Optional<JdbcReports.StoredPortion> p = store.portion(portionId).filter(x -> x.reportId().equals(reportId) && x.attachmentName() != null);
        Optional<JdbcReports.StoredPortion> readable = reads.readPath().readable(p, reader, x -> x.reportId() + "/" + x.id(),
                "intel/report/" + reportId + "/portion/" + portionId + "/content");
        return readable.map(x -> new AttachmentContent(Objects.requireNonNull(x.attachmentName()),
                x.mediaType() == null ? "application/octet-stream" : x.mediaType(), Base64.getDecoder().decode(store.content(x.id()).orElse(""))));
    }

    // ---------------------------------------------------------------- writing a report

    /** A portion ready to store. */
    record Prepared(String id, int seq, String kind, Label label, String text, @Nullable String attachmentName, @Nullable String mediaType,
            @Nullable Long size, @Nullable String base64, @Nullable String ceiling) {
    }

    @Override
    public synchronized ReportView create(NewReport r, KizunaUser author) {
        writes.authorize(author, Write.WRITE_REPORT, author.nation());
        Validation.check(validator, r);
        Reader reader = author.reader();
        List<Prepared> prepared = new ArrayList<>();
        prepared.add(prepare(0, Kinds.TITLE, "title", r.title().marking(), r.title().text(), null, reader, null));
        int attachments = 0;
        for (int i = 0; i < r.portions().size(); i++) {
            NewReport.NewPortion p = r.portions().get(i);
            String field = "portions[" + i + "]";
            boolean hasText = p.text() != null && !p.text().isBlank();
            if (hasText == (p.attachment() != null)) {
                throw Problems.badRequest("intel.problem.text-or-attachment", field);
            }
            if (p.attachment() != null) attachments++;
            prepared.add(prepare(i + 1, hasText ? Kinds.TEXT : Kinds.ATTACHMENT, field, p.marking(), hasText ? Objects.requireNonNull(p.text()) : "",
                    p.attachment(), reader, null));
        }
        if (attachments > settings.maxAttachments()) {
            throw Problems.badRequest("intel.problem.attachments", String.valueOf(settings.maxAttachments()), String.valueOf(attachments));
        }
        Label rolled = rollUpOrRefuse(prepared.stream().map(Prepared::label).toList());
        String override = null;
        if (r.banner() != null && !r.banner().isBlank()) {
            Label o = marking("banner", r.banner(), reader);
            if (!o.equals(rolled) && !kernel.dominates(o, rolled)) {
                throw Problems.badRequest("intel.problem.banner-lower", o.banner(), rolled.banner());
            }
            override = o.banner();
        }
        if ((r.location() == null) != (r.observedAt() == null)) {
            throw Problems.badRequest("intel.problem.place-and-time");
        }
        String id = RecordIds.onNode(newId("IR-"), nation);
        Instant now = clock.instant();
        JdbcReports.StoredReport report = new JdbcReports.StoredReport(id, author.nation(), author.username(), now, 0, override, null, null,
                r.location() == null ? null : r.location().lat(), r.location() == null ? null : r.location().lon(), r.observedAt());
        tx.executeWithoutResult(s -> insert(report, prepared, now));
        return reads.single(id, reader).orElseThrow();
    }

    /** Parses and checks a portion; refuses (400, naming the field) what the node may not hold or the author could not read. */
    private Prepared prepare(int seq, String kind, String field, String marking, String text, NewReport.@Nullable NewAttachment attachment,
            @Nullable Reader author,
            @Nullable String ceiling) {
        Label label = marking(field + ".marking", marking, author);
        if (text.length() > 20_000) throw Problems.badRequest("intel.problem.text-length", field);
        String name = null, media = null, base64 = null;
        Long size = null;
        if (attachment != null) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(attachment.content());
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("intel.problem.attachment-base64", field);
            }
            if (bytes.length > settings.maxAttachmentBytes()) {
                throw Problems.badRequest("intel.problem.attachment-size", field, String.valueOf(settings.maxAttachmentBytes()),
                        String.valueOf(bytes.length));
            }
            name = attachment.name();
            media = attachment.mediaType();
            size = (long) bytes.length;
            base64 = Base64.getEncoder().encodeToString(bytes);
        }
        String keep = ceiling != null ? ceiling : label.owner().equals(nation) ? null : label.banner();
        return new Prepared(newId("p"), seq, kind, label, text, name, media, size, base64, keep);
    }

    /** A marking the node may hold and the user may read, or a 400 naming the field. */
    private Label marking(String field, String marking, @Nullable Reader author) {
        Label label = Label.parseField(field, marking);
        if (label.banner().length() > JdbcReports.LABEL_LENGTH) {
            throw Problems.badRequest("intel.problem.marking-length", field, String.valueOf(JdbcReports.LABEL_LENGTH));
        }
        Reason refusal = kernel.holdReason(label);
        if (refusal != null) throw Problems.badRequest("intel.problem.not-held", field, label.banner(), refusal);
        if (author != null && !kernel.mayRead(label, author)) {
            throw Problems.badRequest("intel.problem.unreadable-label", field, label.banner());
        }
        return label;
    }

    private Label rollUpOrRefuse(List<Label> labels) {
        try {
            return kernel.rollUp(labels);
        } catch (InvalidMarkingException e) {
            throw Problems.badRequest("intel.problem.no-common-banner", e.reason());
        }
    }

    /** Stores a report with its portions, links it, counts its label set and publishes it for the search (in the caller's transaction). */
    private void insert(JdbcReports.StoredReport report, List<Prepared> portions, Instant now) {
        TreeSet<Long> labelIds = new TreeSet<>();
        for (Prepared p : portions) labelIds.add(store.labelId(p.label()));
        long labelset = store.labelsetId(labelIds);
        JdbcReports.StoredReport withSet = new JdbcReports.StoredReport(report.id(), report.nation(), report.author(), report.createdAt(), labelset,
                report.bannerOverride(), report.originator(), report.importedFrom(), report.lat(), report.lon(), report.observedAt());
        store.insertReport(withSet);
        for (Prepared p : portions) store.insertPortion(stored(report.id(), p, now), p.base64());
        store.countLabelset(labelset, 1);
        correlate(withSet, portions, now);
        publish(report.id());
    }

    private static JdbcReports.StoredPortion stored(String reportId, Prepared p, Instant now) {
        return new JdbcReports.StoredPortion(p.id(), reportId, p.seq(), p.kind(), p.label(), p.text(), p.attachmentName(), p.mediaType(), p.size(),
                p.ceiling(), now);
    }

    // ---------------------------------------------------------------- correlation

    private void correlate(JdbcReports.StoredReport report, List<Prepared> portions, Instant now) {
        List<Identifiers.Unit> known = units();
        for (Prepared p : portions) {
            String text = p.kind().equals(Kinds.ATTACHMENT) ? Objects.requireNonNullElse(p.attachmentName(), "") : p.text();
            Set<Identifiers.Id> ids = Identifiers.in(text, known);
            for (Identifiers.Id id : ids) {
                for (Identifiers.Id match : Identifiers.matching(id)) {
                    for (String[] other : store.withIdentifier(match.kind(), match.value())) {
                        if (!other[0].equals(report.id())) link(report.id(), p.id(), p.label(), other[0], other[1], id.reason(), now);
                    }
                }
            }
            for (Identifiers.Id id : ids) {
                for (Identifiers.Id row : Identifiers.stored(id)) store.insertIdentifier(report.id(), p.id(), row.kind(), row.value());
            }
        }
        Prepared title = portions.stream().filter(p -> p.kind().equals(Kinds.TITLE)).findFirst().orElse(null);
        if (title == null || report.lat() == null || report.lon() == null || report.observedAt() == null) return;
        Duration window = Duration.ofHours(settings.linkHours());
        for (JdbcReports.StoredReport other : store.observedBetween(report.observedAt().minus(window), report.observedAt().plus(window))) {
            if (other.id().equals(report.id()) || other.lat() == null || other.lon() == null || other.observedAt() == null) continue;
            double km = Identifiers.kilometres(report.lat(), report.lon(), other.lat(), other.lon());
            if (km > settings.linkKilometres()) continue;
            long minutes = Math.abs(Duration.between(report.observedAt(), other.observedAt()).toMinutes());
            String reason = String.format(java.util.Locale.ROOT, "place and time: %.1f km and %d h %02d min apart", km, minutes / 60, minutes % 60);
            store.portions(List.of(other.id())).stream().filter(p -> p.kind().equals(Kinds.TITLE)).findFirst()
                    .ifPresent(t -> link(report.id(), title.id(), title.label(), other.id(), t.id(), reason, now));
        }
    }

    private void link(String reportA, String portionA, Label labelA, String reportB, String portionB, String reason, Instant now) {
        if (store.linked(portionA, portionB, reason)) return;
        Label other = store.portion(portionB).map(JdbcReports.StoredPortion::label).orElse(null);
        if (other == null) return;
        Label label;
        try {
            label = kernel.rollUp(List.of(labelA, other));
        } catch (InvalidMarkingException e) {
            return; // nobody may read both portions: there is nobody to show the link to
        }
        store.insertLink(new JdbcReports.StoredLink(reportA, portionA, reportB, portionB, reason, label), now);
    }

    /** The registry's units of today (the node reads them all), looked up once a day. */
    private List<Identifiers.Unit> units() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map.Entry<LocalDate, List<Identifiers.Unit>> u = units;
        if (u == null || !u.getKey().equals(today)) {
            List<Identifiers.Unit> list = new ArrayList<>();
            for (Organization o : registry.organizations(today, nodeReader)) list.add(new Identifiers.Unit(o.id(), o.abbreviation()));
            u = Map.entry(today, List.copyOf(list));
            units = u;
        }
        return u.getValue();
    }

    // ---------------------------------------------------------------- releases

    @Override
    public synchronized Optional<ReleaseOutcome> release(String reportId, ReleaseRequest request, KizunaUser releaser) {
        Optional<ReportView> found = asked(reportId, request, releaser);
        if (found.isEmpty()) return Optional.empty();
        ReportView view = found.get();
        Optional<ReportView.PortionView> named = portion(view, request.portion());
        if (named.isEmpty()) return Optional.empty();
        mayRelease(releaser, view);
        JdbcReports.StoredPortion portion = store.portion(named.get().id()).orElseThrow();
        JdbcReports.StoredReport report = store.report(reportId).orElseThrow();
        Label current = portion.label();
        if (!current.level().classified() && !current.hasReleasabilityList() && !current.isNoforn()) {
            throw conflict("intel.problem.releasable-to-all", portion.id(), current.portionMark());
        }
        Set<String> now = new TreeSet<>(current.hasReleasabilityList() ? current.releasableTo() : List.of(current.owner()));
        Set<String> added = new TreeSet<>(request.to());
        added.removeAll(now);
        added.remove(current.owner());
        if (added.isEmpty())
            throw conflict("intel.problem.releasable-already", portion.id(), String.join(", ", request.to()), current.portionMark());
        Label widened;
        try {
            Set<String> all = new TreeSet<>(now);
            all.add(current.owner());
            all.addAll(added);
            widened = current.toBuilder().relTo(all.toArray(String[]::new)).build();
        } catch (InvalidMarkingException e) {
            throw e.inField("to");
        }
        originatorControl(portion.ceiling(), report, widened, Problems.part("intel.problem.what.portion", portion.id()));
        Reason refusal = kernel.holdReason(widened);
        if (refusal != null) throw Problems.badRequest("intel.problem.not-held", "to", widened.banner(), refusal);
        String content = portion.kind().equals(Kinds.ATTACHMENT) ? Objects.requireNonNullElse(portion.attachmentName(), "") : portion.text();
        codewords(content, widened);
        List<String> partners = new ArrayList<>(added);
        partners.remove(nation);
        Optional<JdbcReports.StoredRelease> pending = store.pending(reportId).stream()
                .filter(x -> x.kind().equals("widen") && portion.id().equals(x.portionId()) && x.label().equals(widened)).findFirst();
        Instant at = clock.instant();
        Asked asked = new Asked(reportId, "widen", List.copyOf(added), widened, null, portion.id(), portion.id(),
                "intel/report/" + reportId + "/portion/" + portion.id(), new Portion(portion.id(), widened, content), partners, at);
        return twoPerson(asked, pending, releaser, view.nation(), current, () -> {
            applyWiden(report, portion, widened, at);
            publish(reportId);
        });
    }

    /** The releaser's view of the report a release (or tear line) asks for, once the request is valid; empty where it may read none of it. */
    private Optional<ReportView> asked(String reportId, Object request, KizunaUser releaser) {
        Validation.check(validator, request);
        return reads.single(reportId, releaser.reader());
    }

    /** Refuses a releaser who may not release portions of the report's nation (403), and any change to a replica (403). */
    private void mayRelease(KizunaUser releaser, ReportView view) {
        writes.authorize(releaser, Write.RELEASE_PORTION, view.nation());
        readOnly(view);
    }

    /** The portion by its id, or by its position N (from 1) among the non-title portions of the releaser's view. */
    private static Optional<ReportView.PortionView> portion(ReportView view, String named) {
        if (view.title() != null && view.title().id().equals(named)) return Optional.of(view.title());
        for (ReportView.PortionView p : view.portions()) {
            if (p.id().equals(named)) return Optional.of(p);
        }
        if (named.matches("[1-9][0-9]{0,3}")) {
            int n = Integer.parseInt(named);
            if (n <= view.portions().size()) return Optional.of(view.portions().get(n - 1));
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<ReleaseOutcome> tearLine(String reportId, TearLineRequest request, KizunaUser releaser) {
        Optional<ReportView> found = asked(reportId, request, releaser);
        if (found.isEmpty()) return Optional.empty();
        ReportView view = found.get();
        mayRelease(releaser, view);
        Label label = marking("marking", request.marking(), releaser.reader());
        if (!label.hasReleasabilityList()) {
            throw Problems.badRequest("intel.problem.tear-line-rel");
        }
        JdbcReports.StoredReport report = store.report(reportId).orElseThrow();
        // originator control: within the ceilings of the portions the releaser sees (the tear line can only hold what it sees)
        Set<String> visible = new LinkedHashSet<>();
        if (view.title() != null) visible.add(view.title().id());
        view.portions().forEach(p -> visible.add(p.id()));
        for (JdbcReports.StoredPortion p : store.portions(List.of(reportId))) {
            if (visible.contains(p.id())) originatorControl(p.ceiling(), report, label, Problems.part("intel.problem.what.tear-line", p.id()));
        }
        codewords(request.text(), label);
        List<String> partners = new ArrayList<>(label.releasableTo());
        partners.remove(nation);
        partners.remove(label.owner());
        String text = request.text();
        Optional<JdbcReports.StoredRelease> pending = store.pending(reportId).stream()
                .filter(x -> x.kind().equals(Kinds.TEAR_LINE) && x.label().equals(label) && text.equals(x.text())).findFirst();
        String portionId = newId("p");
        Instant at = clock.instant();
        Asked asked = new Asked(reportId, Kinds.TEAR_LINE, partners, label, text, null, portionId, "intel/report/" + reportId + "/tear-line",
                new Portion(portionId, label, text), partners, at);
        return twoPerson(asked, pending, releaser, view.nation(), label, () -> addTearLine(report, portionId, label, text, at));
    }

    /**
     * A release a releaser asks for: of what kind, to whom and under what label (and the tear line's text); the portion
     * it names while it waits for a second releaser and once released; the item the guard checks for each partner.
     */
    private record Asked(String reportId, String kind, List<String> to, Label label, @Nullable String text, @Nullable String pendingPortion,
            String releasedPortion, String itemId, Portion item, List<String> partners, Instant at) {
    }

    /**
     * The two-person rule for a release: the second releaser of the same pending release completes it; else a release
     * that needs two ({@link #needsTwo} of {@code rule}) waits for a second releaser; else it is released at once. Either
     * way the guard checks it first, on the link to each partner; {@code apply} makes the release, in the transaction
     * that records it.
     */
    private Optional<ReleaseOutcome> twoPerson(Asked a, Optional<JdbcReports.StoredRelease> pending, KizunaUser releaser, String reportNation, Label rule,
            Runnable apply) {
        String by = releaser.username();
        if (pending.isPresent()) {
            JdbcReports.StoredRelease p = pending.get();
            if (p.firstReleaser().equals(by)) throw sameReleaser(releaser, reportNation);
            check(a.itemId(), p.firstReleaser() + " and " + by, a.item(), a.partners(), Set.of(p.firstReleaser(), by), false);
            tx.executeWithoutResult(s -> {
                apply.run();
                store.completeRelease(p.id(), by, "RELEASED", a.at());
            });
            return Optional.of(new ReleaseOutcome(p.id(), ReleaseOutcome.State.RELEASED, a.reportId(), a.releasedPortion(), a.to(), a.label().portionMark(),
                    List.of(p.firstReleaser(), by)));
        }
        boolean two = needsTwo(rule);
        check(a.itemId(), by, a.item(), a.partners(), Set.of(by), two);
        String id = newId("RL-");
        if (two) {
            store.insertRelease(new JdbcReports.StoredRelease(id, a.reportId(), a.pendingPortion(), a.kind(), a.to(), a.label(), a.text(), by, null, "PENDING",
                    a.at()));
            return Optional.of(new ReleaseOutcome(id, ReleaseOutcome.State.PENDING, a.reportId(), a.pendingPortion(), a.to(), a.label().portionMark(),
                    List.of(by)));
        }
        tx.executeWithoutResult(s -> {
            apply.run();
            store.insertRelease(new JdbcReports.StoredRelease(id, a.reportId(), a.releasedPortion(), a.kind(), a.to(), a.label(), a.text(), by, null,
                    "RELEASED", a.at()));
        });
        return Optional.of(new ReleaseOutcome(id, ReleaseOutcome.State.RELEASED, a.reportId(), a.releasedPortion(), a.to(), a.label().portionMark(),
                List.of(by)));
    }

    @Override
    public List<PendingRelease> pendingReleases(KizunaUser user) {
        return reads.readPath().readable(pendingOf(user), user.reader(), PendingRelease::id, "intel/releases state=pending");
    }

    /** The pending releases of the user's nation, undecided, when the user may release for it (else none). */
    private List<PendingRelease> pendingOf(KizunaUser user) {
        List<PendingRelease> items = new ArrayList<>();
        if (writes.may(user, Write.RELEASE_PORTION, user.nation())) {
            for (JdbcReports.StoredRelease r : store.pendingOfNation(user.nation())) {
                Label label = r.portionId() == null ? r.label() : store.portion(r.portionId()).map(JdbcReports.StoredPortion::label).orElse(r.label());
                items.add(new PendingRelease(r.id(), r.reportId(), r.portionId(), r.kind(), r.to(), r.label().portionMark(), r.firstReleaser(), r.createdAt(),
                        label));
            }
        }
        return items;
    }

    /** A release waiting for the user as its second releaser, with its report's title where the user may read it. */
    record WaitingRelease(PendingRelease release, JdbcReports.@Nullable StoredPortion title) {
    }

    /**
     * The releases waiting for the user as their second releaser (pending releases of the user's nation's reports that
     * another releaser asked for, that the user may read), oldest first, with the titles of their reports that the user
     * may read: one query of the read path, for the user's desk.
     */
    List<WaitingRelease> waitingFor(KizunaUser user) {
        List<PendingRelease> items = pendingOf(user).stream().filter(r -> !r.firstReleaser().equals(user.username())).toList();
        try (ReadPath.Query q = reads.readPath().query(user.reader(), "intel/releases state=pending waiting-for=" + user.username())) {
            List<PendingRelease> readable = q.readable(items, PendingRelease::id);
            Set<String> reports = new LinkedHashSet<>();
            readable.forEach(r -> reports.add(r.reportId()));
            List<JdbcReports.StoredPortion> titles = reports.isEmpty()
                    ? List.of()
                    : store.portions(reports).stream().filter(p -> p.kind().equals(Kinds.TITLE)).toList();
            Map<String, JdbcReports.StoredPortion> titleOf = new LinkedHashMap<>();
            q.readable(titles, p -> p.reportId() + "/" + p.id()).forEach(p -> titleOf.put(p.reportId(), p));
            return readable.stream().map(r -> new WaitingRelease(r, titleOf.get(r.reportId()))).toList();
        }
    }

    /**
     * The guard on the link to each partner, recorded in the audit log by the release guard's listeners; refuses (422)
     * what it withholds, except, when {@code firstOfTwo}, the want of a second approval.
     */
    private void check(String itemId, String actor, Portion item, List<String> partners, Set<String> approvers, boolean firstOfTwo) {
        for (String partner : partners) {
            GuardResult r = guard.release(itemId, actor, item.label(), List.of(item), link(partner), approvers);
            for (GuardResult.Withheld w : r.withheld()) {
                if (firstOfTwo && w.why().code().equals(TWO_APPROVALS)) continue;
                throw Problems.told(HttpStatus.UNPROCESSABLE_CONTENT, "Withheld by the guard", "intel.problem.withheld", partner, w.why());
            }
        }
    }

    /** The link to a partner, accredited to its highest level, manual (two approvals) from the equivalent of {@code two-person-from}. */
    private Link link(String partner) {
        Policy p = Policy.ofNation(partner)
                .orElseThrow(() -> Problems.badRequest("intel.problem.no-policy", partner));
        int rank = kernel.equivalentRank(nodePolicy, nodePolicy.level(settings.twoPersonFrom()), p);
        String manualFrom = rank < 0 ? null : p.levels().stream().filter(l -> l.rank() == rank).findFirst().map(l -> l.englishName()).orElse(null);
        return new Link(partner, p.levels().getLast().englishName(), manualFrom, 1 << 20);
    }

    /** Whether releasing a portion of this label needs a second releaser: its level at or above {@code two-person-from}, or ORCON. */
    boolean needsTwo(Label label) {
        if (label.controls().contains("ORCON")) return true;
        int rank = kernel.equivalentRank(label.policy(), label.level(), nodePolicy);
        return rank < 0 || rank >= nodePolicy.level(settings.twoPersonFrom()).rank();
    }

    /** Refuses (403) a releasability beyond what the portion arrived with, for another owner's information or an imported report. */
    private void originatorControl(@Nullable String ceiling, JdbcReports.StoredReport report, Label wanted, Object what) {
        if (ceiling == null) return;
        Label arrived = Label.parse(ceiling);
        Set<String> allowed = new TreeSet<>(arrived.hasReleasabilityList() ? arrived.releasableTo() : List.of(arrived.owner()));
        Set<String> asked = new TreeSet<>(wanted.hasReleasabilityList() ? wanted.releasableTo() : List.of(wanted.owner()));
        asked.removeAll(allowed);
        if (asked.isEmpty()) return;
        Object whose = report.originator() != null
                ? Problems.part("intel.problem.whose.imported", report.originator())
                : Problems.part("intel.problem.whose.owner", arrived.owner());
        throw Problems.told(HttpStatus.FORBIDDEN, "Originator control", "intel.problem.originator", what, whose, String.join(", ", allowed),
                String.join(", ", asked));
    }

    /** Refuses (403) a change to a replica of another node's report: only its owner node changes it. */
    private void readOnly(ReportView view) {
        if (store.isReplica(view.id())) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Read-only replica", "intel.problem.replica", view.id(), String.valueOf(view.originator()));
        }
    }

    /** Refuses (422) content that carries a configured codeword when its label has no SCI control. */
    private void codewords(String content, Label label) {
        boolean sci = label.controls().stream().anyMatch(c -> List.of("HCS", "SI", "TK").contains(c));
        if (sci) return;
        for (String w : settings.codewords()) {
            if (Identifiers.word(content, w)) {
                throw Problems.told(HttpStatus.UNPROCESSABLE_CONTENT, "Withheld by the guard", "intel.problem.codeword", w, label.banner());
            }
        }
    }

    private static org.springframework.web.ErrorResponseException sameReleaser(KizunaUser releaser, String nation) {
        return Problems.told(HttpStatus.CONFLICT, "Second releaser needed", "intel.problem.same-releaser", releaser.username(), nation);
    }

    private static org.springframework.web.ErrorResponseException conflict(String code, Object... args) {
        return Problems.told(HttpStatus.CONFLICT, "Nothing to release", code, args);
    }

    private void applyWiden(JdbcReports.StoredReport report, JdbcReports.StoredPortion portion, Label widened, Instant at) {
        store.setPortionLabel(portion.id(), widened, at);
        relabel(report);
        for (JdbcReports.StoredLink l : store.linksOfPortion(portion.id())) {
            String other = l.portionA().equals(portion.id()) ? l.portionB() : l.portionA();
            store.portion(other).ifPresent(o -> {
                try {
                    store.setLinkLabel(l, kernel.rollUp(List.of(widened, o.label())));
                } catch (InvalidMarkingException e) {
                    // cannot happen: the link's parts rolled up before and a wider part keeps their common nations
                }
            });
        }
    }

    private void addTearLine(JdbcReports.StoredReport report, String portionId, Label label, String text, Instant at) {
        Prepared p = new Prepared(portionId, store.nextSeq(report.id()), Kinds.TEAR_LINE, label, text, null, null, null, null,
                report.originator() != null ? label.banner() : null);
        store.insertPortion(stored(report.id(), p, at), null);
        relabel(report);
        correlate(report, List.of(p), at);
        publish(report.id());
    }

    /** Moves the report to the label set of its portions' labels now. */
    private void relabel(JdbcReports.StoredReport report) {
        long before = store.report(report.id()).orElseThrow().labelset();
        TreeSet<Long> ids = new TreeSet<>();
        for (JdbcReports.StoredPortion p : store.portions(List.of(report.id()))) ids.add(store.labelId(p.label()));
        long after = store.labelsetId(ids);
        if (after == before) return;
        store.countLabelset(before, -1);
        store.countLabelset(after, 1);
        store.setLabelset(report.id(), after);
    }

    // ---------------------------------------------------------------- search

    /** Publishes the report's parts for the search, in the caller's transaction. */
    private void publish(String reportId) {
        JdbcReports.StoredReport r = store.report(reportId).orElseThrow();
        List<JdbcReports.StoredPortion> portions = store.portions(List.of(reportId));
        events.publishEvent(new SearchableChanged(searchable(r, portions)));
        if (r.originator() == null && !store.isReplica(reportId)) {
            // a report this node owns: its partners' nodes get what the guard releases to them (docs/federation.md)
            events.publishEvent(new ShareableChanged(shareable(r, portions, store.bumpVersion(reportId))));
        }
    }

    /**
     * Offers a newly admitted peer every report this node owns and has shared, at its version now (not raised), for that
     * peer only ({@link ShareableChanged#offer}): federation guards each for the peer and queues what it was not sent at
     * that version. In pages ({@link Offers}), each in a transaction of its own; idempotent.
     */
    void offerTo(String peer) {
        int n = Offers.offer(Transactions.requiresNew(tx), events, peer, store::ownSharedIds,
                id -> store.report(id).map(r -> shareable(r, store.portions(List.of(id)), store.version(id))));
        log.info("intel: offered {} report(s) to the newly admitted peer {}", n, peer);
    }

    /** A report as federation carries it: each portion a part under its own label, its content what a replica needs. */
    Shareable shareable(JdbcReports.StoredReport r, List<JdbcReports.StoredPortion> portions, long version) {
        List<Shareable.Part> parts = new ArrayList<>();
        for (JdbcReports.StoredPortion p : portions) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", p.kind());
            c.put("seq", p.seq());
            c.put("text", p.text());
            c.put("changedAt", p.changedAt().toString());
            if (p.attachmentName() != null) {
                c.put("name", p.attachmentName());
                c.put("mediaType", p.mediaType());
                c.put("content", store.content(p.id()).orElse(""));
            }
            if (p.kind().equals(Kinds.TITLE) && r.lat() != null && r.lon() != null && r.observedAt() != null) {
                c.put("lat", r.lat());
                c.put("lon", r.lon());
                c.put("observedAt", r.observedAt().toString());
            }
            String inspected = p.kind().equals(Kinds.ATTACHMENT) ? Objects.requireNonNullElse(p.attachmentName(), "") : p.text();
            parts.add(new Shareable.Part(p.id(), p.label().banner(), inspected, json.writeValueAsString(c)));
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("author", r.author());
        header.put("createdAt", r.createdAt().toString());
        if (r.bannerOverride() != null) header.put("bannerOverride", r.bannerOverride());
        return new Shareable("report", r.id(), r.nation(), nation, version, header, parts);
    }

    /**
     * Keeps a replica of another node's report: replaced whole by a newer version, removed when withdrawn (no part left
     * for this node). A replica is read-only here and never shared again.
     * The replicas of one arrival ({@link org.kizuna.federation.ShareableReceived}) are kept all in one transaction of its
     * own, committed before the lock is released, or each in its own where one of them cannot be kept
     * ({@link Replicas#applyAll}).
     */
    synchronized void applyReplicas(List<Shareable> items, String fromNode) {
        Replicas.applyAll(Transactions.requiresNew(tx), items, item -> applyReplica(item, fromNode));
    }

    /** One replica, in the transaction of {@link #applyReplicas} (joined). */
    private void applyReplica(Shareable item, String fromNode) {
        tx.executeWithoutResult(s -> {
            Optional<JdbcReports.StoredReport> existing = store.report(item.id());
            if (existing.isPresent() && !store.isReplica(item.id())) {
                log.warn("federation: {}'s report {} has the id of a report of this node; not kept", fromNode, item.id());
                return;
            }
            if (existing.isPresent() && store.version(item.id()) >= item.version()) return;
            if (existing.isPresent()) store.delete(item.id());
            if (item.parts().isEmpty()) {
                events.publishEvent(new SearchableRemoved("report", item.id()));
                return;
            }
            List<Prepared> prepared = new ArrayList<>();
            Double lat = null, lon = null;
            Instant observed = null;
            for (Shareable.Part part : item.parts()) {
                Label label = Label.parse(part.marking());
                String refusal = kernel.holdRefusal(label);
                if (refusal != null) throw new IllegalStateException("a replica's part this node may not hold: " + refusal);
                JsonNode c = json.readTree(part.content());
                String kind = c.path("kind").asString(Kinds.TEXT);
                String name = optional(c, "name");
                String base64 = optional(c, "content");
                Long size = base64 == null ? null : (long) Base64.getDecoder().decode(base64).length;
                if (kind.equals(Kinds.TITLE) && c.hasNonNull("observedAt")) {
                    lat = c.path("lat").asDouble();
                    lon = c.path("lon").asDouble();
                    observed = Instant.parse(c.path("observedAt").asString(""));
                }
                prepared.add(new Prepared(part.id(), c.path("seq").asInt(prepared.size()), kind, label, c.path("text").asString(""), name,
                        optional(c, "mediaType"), size, base64, label.banner()));
            }
            Instant created = Instant.parse(item.header().getOrDefault("createdAt", clock.instant().toString()));
            JdbcReports.StoredReport report = new JdbcReports.StoredReport(item.id(), item.ownerNation(), item.header().getOrDefault("author", "unknown"),
                    created, 0, null, item.ownerNode(), item.id(), lat, lon, observed);
            insert(report, prepared, clock.instant());
            store.markReplica(item.id(), item.version());
        });
    }

    static Searchable searchable(JdbcReports.StoredReport r, List<JdbcReports.StoredPortion> portions) {
        List<Searchable.Part> parts = new ArrayList<>();
        Instant updated = r.createdAt();
        // each part with its own last change: the order of equal hits must not move with a portion the reader may not read
        portions.stream().filter(p -> p.kind().equals(Kinds.TITLE))
                .forEach(p -> parts.add(new Searchable.Part("title", p.label(), p.text(), latest(r.createdAt(), p.changedAt()))));
        for (JdbcReports.StoredPortion p : portions) {
            if (p.changedAt().isAfter(updated)) updated = p.changedAt();
            if (p.kind().equals(Kinds.TITLE)) continue;
            String text = p.kind().equals(Kinds.ATTACHMENT) ? Objects.requireNonNullElse(p.attachmentName(), "") : p.text();
            parts.add(new Searchable.Part(p.kind() + "-" + p.id(), p.label(), text, latest(r.createdAt(), p.changedAt())));
        }
        return new Searchable("report", r.id(), "/intel/#" + r.id(), updated, parts);
    }

    private static Instant latest(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    // ---------------------------------------------------------------- packages

    @Override
    public Optional<ReportPackage> exportPackage(String id, @Nullable String toNation, KizunaUser user) {
        Optional<ReportView> found = reads.single(id, user.reader());
        if (found.isEmpty()) return Optional.empty();
        ReportView view = found.get();
        List<ReportView.PortionView> included = new ArrayList<>();
        if (view.title() != null) included.add(view.title());
        included.addAll(view.portions());
        if (toNation != null) {
            if (!toNation.matches("[A-Z]{3}")) throw Problems.badRequest("intel.problem.nation");
            List<Portion> portions = new ArrayList<>();
            for (ReportView.PortionView p : included) {
                portions.add(new Portion(p.id(), Label.parse(p.marking()), p.attachment() != null ? p.attachment().name() : p.text()));
            }
            Label declared = kernel.rollUp(portions.stream().map(Portion::label).toList());
            GuardResult r = guard.release("intel/report/" + id + "/package", user.username(), declared, portions, link(toNation), Set.of(user.username()));
            Set<String> released = new LinkedHashSet<>();
            r.released().forEach(p -> released.add(p.id()));
            if (released.isEmpty()) {
                throw Problems.told(HttpStatus.UNPROCESSABLE_CONTENT, "Withheld by the guard", "intel.problem.nothing-releasable", id, toNation);
            }
            included.removeIf(p -> !released.contains(p.id()));
        }
        Label banner = kernel.rollUp(included.stream().map(p -> Label.parse(p.marking())).toList());
        byte[] data = canonical(view, included);
        LabelBinding binding = LabelBinding.bind(banner, data, key.getPrivate());
        Base64.Encoder b64 = Base64.getEncoder();
        return Optional.of(new ReportPackage(ReportPackage.FORMAT, nation, Adatp4774.toXml(banner), banner.banner(), b64.encodeToString(data),
                b64.encodeToString(binding.dataDigest()), b64.encodeToString(binding.signature()), BindingKeys.base64(key.getPublic())));
    }

    /** The report as the package carries it: canonical JSON (fixed field order), attachments with their bytes. */
    private byte[] canonical(ReportView view, List<ReportView.PortionView> included) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", view.id());
        m.put("nation", view.nation());
        m.put("author", view.author());
        m.put("createdAt", view.createdAt().toString());
        boolean titleIn = view.title() != null && included.contains(view.title());
        m.put("observedAt", titleIn && view.observedAt() != null ? view.observedAt().toString() : null);
        m.put("location", titleIn && view.location() != null ? List.of(view.location().lat(), view.location().lon()) : null);
        List<Map<String, Object>> portions = new ArrayList<>();
        for (ReportView.PortionView p : included) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", p.kind());
            x.put("marking", p.marking());
            x.put("text", p.text());
            if (p.attachment() != null) {
                x.put("name", p.attachment().name());
                x.put("mediaType", p.attachment().mediaType());
                x.put("content", store.content(p.id()).orElse(""));
            }
            portions.add(x);
        }
        m.put("portions", portions);
        return json.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized ReportView importPackage(ReportPackage pkg, KizunaUser importer) {
        writes.authorize(importer, Write.WRITE_REPORT, importer.nation());
        Validation.check(validator, pkg);
        if (!ReportPackage.FORMAT.equals(pkg.format())) throw Problems.badRequest("intel.problem.format", ReportPackage.FORMAT);
        PublicKey signer = BindingKeys.publicKey(pkg.publicKey());
        if (!Arrays.equals(signer.getEncoded(), key.getPublic().getEncoded())) {
            throw Problems.badRequest("intel.problem.untrusted-key");
        }
        byte[] data = base64("data", pkg.data()), digest = base64("digest", pkg.digest()), signature = base64("signature", pkg.signature());
        Label label;
        try {
            label = Adatp4774.fromXml(pkg.label());
        } catch (InvalidMarkingException e) {
            throw e.inField("label");
        } catch (RuntimeException e) {
            throw Problems.badRequest("intel.problem.not-adatp4774");
        }
        if (!label.banner().equals(pkg.banner())) {
            throw Problems.badRequest("intel.problem.banner-not-label", pkg.banner(), label.banner());
        }
        if (!MessageDigest.isEqual(sha384(data), digest)) {
            throw Problems.badRequest("intel.problem.bound-elsewhere");
        }
        if (!new LabelBinding(label, digest, signature).verifies(data, signer)) {
            throw Problems.badRequest("intel.problem.signature");
        }
        JsonNode root;
        try {
            root = json.readTree(new String(data, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw Problems.badRequest("intel.problem.data-json");
        }
        List<Prepared> prepared = new ArrayList<>();
        int seq = 1;
        for (JsonNode p : root.path("portions")) {
            String kind = p.path("kind").asString("");
            String field = "data.portions[" + prepared.size() + "]";
            if (!List.of(Kinds.TITLE, Kinds.TEXT, Kinds.ATTACHMENT, Kinds.TEAR_LINE).contains(kind)) {
                throw Problems.badRequest("intel.problem.kind", field, kind);
            }
            NewReport.NewAttachment attachment = kind.equals(Kinds.ATTACHMENT)
                    ? new NewReport.NewAttachment(p.path("name").asString(""), p.path("mediaType").asString(""), p.path("content").asString(""))
                    : null;
            Label pl = marking(field + ".marking", p.path("marking").asString(""), null);
            if (!kernel.mayRead(pl, importer.reader())) {
                throw Problems.badRequest("intel.problem.import-unreadable", field, pl.banner());
            }
            prepared.add(prepare(kind.equals(Kinds.TITLE) ? 0 : seq++, kind, field, p.path("marking").asString(""), p.path("text").asString(""), attachment,
                    null, pl.banner()));
        }
        if (prepared.isEmpty()) throw Problems.badRequest("intel.problem.no-portion");
        if (!rollUpOrRefuse(prepared.stream().map(Prepared::label).toList()).equals(label)) {
            throw Problems.badRequest("intel.problem.label-not-rollup", label.banner());
        }
        String originNation = root.path("nation").asString(pkg.node());
        if (!originNation.matches("[A-Z]{3}")) throw Problems.badRequest("intel.problem.data-nation");
        String observed = root.path("observedAt").asString(null);
        JsonNode loc = root.path("location");
        Instant now = clock.instant();
        String id = RecordIds.onNode(newId("IR-"), nation);
        String from = root.path("id").asString("");
        JdbcReports.StoredReport report = new JdbcReports.StoredReport(id, originNation, importer.username(), now, 0, null, pkg.node(),
                from.length() > 64 ? from.substring(0, 64) : from, loc.isArray() ? loc.get(0).asDouble() : null, loc.isArray() ? loc.get(1).asDouble() : null,
                observed == null ? null : Instant.parse(observed));
        tx.executeWithoutResult(s -> insert(report, prepared, now));
        return reads.single(id, importer.reader()).orElseThrow();
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("intel.problem.base64", field);
        }
    }

    private static byte[] sha384(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public BindingKey bindingKey() {
        return new BindingKey(nation, "ECDSA P-384 with SHA-384", BindingKeys.base64(key.getPublic()), BindingKeys.fingerprint(key.getPublic()));
    }

    private String newId(String prefix) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }
}
