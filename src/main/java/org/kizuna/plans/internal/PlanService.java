package org.kizuna.plans.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Policy;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.plans.HistoryEntry;
import org.kizuna.plans.NewPlan;
import org.kizuna.plans.Plan;
import org.kizuna.plans.PlanChange;
import org.kizuna.plans.PlanDiff;
import org.kizuna.plans.PlanSummary;
import org.kizuna.plans.Plans;
import org.kizuna.plans.Section;
import org.kizuna.plans.SectionInput;
import org.kizuna.plans.VersionStatus;
import org.kizuna.search.Searchable;
import org.kizuna.search.SearchableChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans for readers and their authors and approvers. Every read decides the plan's parts (its title and every
 * section of every version) for the reader in one audited query of the read path; a plan none of whose parts the
 * reader may read is not found. Every write is authorized by {@link Writes} once the plan is found among what the
 * user may read, changes one transaction, and publishes the plan's searchable parts in it.
 */
@Service
class PlanService implements Plans {

    static final String ADDED = "ADDED", CHANGED = "CHANGED", REMOVED = "REMOVED";

    private final JdbcPlans store;
    private final ReadPath readPath;
    private final LabelKernel kernel;
    private final Writes writes;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Validator validator;
    private final SecureRandom random = new SecureRandom();

    PlanService(JdbcPlans store, ReadPath readPath, Writes writes, UserDirectory users, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock, Validator validator) {
        this.store = store;
        this.readPath = readPath;
        this.kernel = readPath.kernel();
        this.writes = writes;
        this.users = users;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.validator = validator;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public synchronized Plan create(NewPlan p, KizunaUser author) {
        writes.authorize(author, Write.DRAFT_PLAN, author.nation());
        List<String> invalid = validator.validate(p).stream().map(PlanService::violation).distinct().sorted().toList();
        if (!invalid.isEmpty()) throw new IllegalArgumentException(String.join("; ", invalid));
        List<String> nations = p.nations();
        if (new HashSet<>(nations).size() != nations.size()) throw Problems.badRequest("plans.problem.nation-twice");
        // a planner drafts only plans its own nation takes part in: the write matrix's nation rule, so a 403 as on every row
        if (!nations.contains(author.nation())) writes.authorize(author, Write.DRAFT_PLAN, String.join(", ", nations));
        for (String n : nations) {
            if (Policy.ofNation(n).isEmpty()) throw Problems.badRequest("plans.problem.no-policy", n);
        }
        if (!p.approvers().keySet().equals(new HashSet<>(nations))) {
            throw Problems.badRequest("plans.problem.approvers", nations.toString());
        }
        List<Stored.Nation> participants = new ArrayList<>();
        for (String n : nations) {
            String name = p.approvers().getOrDefault(n, "");
            KizunaUser approver = users.find(name).filter(u -> u.nation().equals(n) && !users.isDisabled(name)).orElse(null);
            if (approver == null || Write.APPROVE_PLAN.roles().stream().noneMatch(approver::has)) {
                throw Problems.badRequest("plans.problem.approver", n, name);
            }
            participants.add(new Stored.Nation(n, name));
        }
        Label titleLabel = label("marking", p.marking(), nations, author);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < p.sections().size(); i++) {
            SectionInput s = p.sections().get(i);
            if (s.key() != null) throw Problems.badRequest("plans.problem.new-key", String.valueOf(i));
            sections.add(new Section("s" + (i + 1), s.heading().strip(), label("sections[" + i + "].marking", s.marking(), nations, author), text(s.text())));
        }
        String id = "PL-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            store.insertPlan(id, p.title().strip(), titleLabel, p.kind(), salt, participants, author.username(), now);
            store.insertVersion(id, 1, ContentHash.of(salt, sections), sections, author.username(), now);
            store.setNextSection(id, sections.size() + 1, now);
            store.insertHistory(id, author.username(), "CREATED", 1, null,
                    sections.stream().map(s -> new Stored.SectionChange(s.key(), ADDED, s.heading(), s.label())).toList(), now);
            publish(id);
        });
        return find(id, author.reader()).orElseThrow();
    }

    @Override
    public synchronized Optional<Plan> change(String id, PlanChange change, KizunaUser user) {
        Optional<Plan> visible = find(id, user.reader());
        if (visible.isEmpty()) return Optional.empty();
        Stored p = store.find(id).orElseThrow();
        authorize(user, Write.DRAFT_PLAN, p);
        List<String> invalid = validator.validate(change).stream().map(PlanService::violation).distinct().sorted().toList();
        if (!invalid.isEmpty()) throw new IllegalArgumentException(String.join("; ", invalid));
        List<String> nations = p.nations().stream().map(Stored.Nation::nation).toList();
        Stored.Version latest = p.latest();
        // the sections of the newest version the user may read; the others stay as they are, where they stood
        Set<String> readable = new HashSet<>();
        latest.sections().forEach(s -> {
            if (kernel.mayRead(s.label(), user.reader())) readable.add(s.key());
        });
        Map<String, Section> old = new LinkedHashMap<>();
        latest.sections().forEach(s -> old.put(s.key(), s));
        int next = p.nextSection();
        List<Section> given = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < change.sections().size(); i++) {
            SectionInput s = change.sections().get(i);
            String key = s.key();
            if (key != null && !readable.contains(key)) {
                throw Problems.badRequest("plans.problem.no-section", String.valueOf(i), key);
            }
            if (key != null && !keys.add(key)) throw Problems.badRequest("plans.problem.section-twice", String.valueOf(i), key);
            Label l = label("sections[" + i + "].marking", s.marking(), nations, user);
            given.add(new Section(key != null ? key : "s" + next++, s.heading().strip(), l, text(s.text())));
        }
        List<Section> sections = withHidden(latest.sections(), readable, given);
        if (sections.size() > 50) throw Problems.badRequest("plans.problem.sections-max");
        if (sections.equals(latest.sections())) throw Problems.badRequest("plans.problem.no-change");
        List<Stored.SectionChange> changes = changes(old, sections);
        String hash = ContentHash.of(p.salt(), sections);
        Instant now = clock.instant();
        int nextKey = next;
        tx.executeWithoutResult(status -> {
            if (latest.status() == VersionStatus.DRAFT && latest.approvals().isEmpty()) {
                store.amendVersion(id, latest.number(), hash, sections, now);
                store.insertHistory(id, user.username(), "AMENDED", latest.number(), note(change.note()), changes, now);
            } else {
                // an approved version, or one a nation approved, never changes: the change is a new draft
                if (latest.status() == VersionStatus.DRAFT) store.setStatus(id, latest.number(), VersionStatus.SUPERSEDED, now);
                store.insertVersion(id, latest.number() + 1, hash, sections, user.username(), now);
                store.insertHistory(id, user.username(), "NEW_VERSION", latest.number() + 1, note(change.note()), changes, now);
            }
            store.setNextSection(id, nextKey, now);
            publish(id);
        });
        return find(id, user.reader());
    }

    @Override
    public synchronized Optional<Plan> approve(String id, int number, String hash, KizunaUser user) {
        Optional<Plan> visible = find(id, user.reader());
        if (visible.isEmpty()) return Optional.empty();
        Stored p = store.find(id).orElseThrow();
        authorize(user, Write.APPROVE_PLAN, p);
        Stored.Nation own = p.nations().stream().filter(n -> n.nation().equals(user.nation())).findFirst().orElseThrow();
        if (!own.approver().equals(user.username())) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Not allowed", "plans.problem.not-approver", id, own.nation(), own.approver(), user.username(),
                    user.nation());
        }
        Stored.Version v = p.version(number);
        if (v == null) throw Problems.told(HttpStatus.NOT_FOUND, "Not found", "plans.problem.no-version", id, String.valueOf(number));
        if (number != p.latest().number()) {
            throw Problems.told(HttpStatus.CONFLICT, "Conflict", "plans.problem.not-newest", String.valueOf(number), id, String.valueOf(p.latest().number()));
        }
        boolean whole = kernel.mayRead(p.titleLabel(), user.reader()) && v.sections().stream().allMatch(s -> kernel.mayRead(s.label(), user.reader()));
        if (!whole) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Not allowed", "plans.problem.not-whole", String.valueOf(number), id);
        }
        if (!v.hash().equals(hash)) {
            throw Problems.told(HttpStatus.CONFLICT, "Conflict", "plans.problem.hash", abbreviate(hash), String.valueOf(number), v.hash());
        }
        if (v.approvals().containsKey(own.nation())) return visible;
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            store.insertApproval(id, number, own.nation(), user.username(), hash, now);
            store.insertHistory(id, user.username(), "APPROVED", number, "approved for " + own.nation(), List.of(), now);
            Set<String> approved = new HashSet<>(
                    v.approvals().entrySet().stream().filter(e -> e.getValue().hash().equals(v.hash())).map(Map.Entry::getKey).toList());
            approved.add(own.nation());
            if (p.nations().stream().allMatch(n -> approved.contains(n.nation()))) {
                store.setStatus(id, number, VersionStatus.APPROVED, now);
                store.insertHistory(id, user.username(), "VERSION_APPROVED", number, "approved by every participating nation", List.of(), now);
            }
            store.touch(id, now);
            publish(id);
        });
        return find(id, user.reader());
    }

    /** The user's nation must take part in the plan; then the write matrix decides for that nation. */
    private void authorize(KizunaUser user, Write write, Stored p) {
        boolean participates = p.nations().stream().anyMatch(n -> n.nation().equals(user.nation()));
        writes.authorize(user, write, participates ? user.nation() : p.nations().getFirst().nation());
    }

    private static String abbreviate(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "..." : hash;
    }

    private static @Nullable String note(@Nullable String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    private static String text(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String violation(ConstraintViolation<?> v) {
        return v.getPropertyPath().toString().replaceAll("\\.<[^>]*>", "").replaceAll("<[^>]*>", "") + ": " + v.getMessage();
    }

    /**
     * A part's label, checked where it comes in: well formed, held by this node, readable by the author, and
     * releasable to every participating nation (a bilateral plan is shared with all of them by construction).
     */
    private Label label(String field, String marking, List<String> nations, KizunaUser author) {
        Label l;
        try {
            l = Label.parse(marking.strip());
        } catch (InvalidMarkingException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
        if (l.banner().length() > 200) throw Problems.badRequest("plans.problem.banner-length", field, l.banner());
        String refusal = kernel.holdRefusal(l);
        if (refusal != null) throw Problems.badRequest("plans.problem.not-held", field, l.banner(), refusal);
        if (!kernel.mayRead(l, author.reader())) {
            throw Problems.badRequest("plans.problem.unreadable-label", field, l.banner());
        }
        for (String n : nations) {
            if (!releasableTo(l, n)) {
                throw Problems.badRequest("plans.problem.not-releasable", field, l.banner(), n, String.join(", ", nations));
            }
        }
        return l;
    }

    /** Whether some reader of {@code nation} (its highest clearance, the label's accesses and communities) may read the label. */
    private boolean releasableTo(Label l, String nation) {
        Policy policy = Policy.ofNation(nation).orElseThrow();
        Set<String> accesses = new HashSet<>(l.controls());
        l.permissiveTags().values().forEach(accesses::addAll);
        Reader best = new Reader(nation, policy.levels().getLast().englishName(), accesses, l.communities());
        return kernel.mayRead(l, best);
    }

    /** The given sections with the ones the author may not read kept, each after the readable section it followed. */
    static List<Section> withHidden(List<Section> old, Set<String> readable, List<Section> given) {
        Map<String, List<Section>> after = new HashMap<>();
        List<Section> first = new ArrayList<>();
        String anchor = null;
        for (Section s : old) {
            if (readable.contains(s.key())) {
                anchor = s.key();
            } else if (anchor == null) {
                first.add(s);
            } else {
                after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(s);
            }
        }
        List<Section> out = new ArrayList<>(first);
        Set<String> placed = new HashSet<>();
        for (Section s : given) {
            out.add(s);
            placed.add(s.key());
            out.addAll(after.getOrDefault(s.key(), List.of()));
        }
        // hidden sections whose readable predecessor was removed go last
        after.forEach((key, hidden) -> {
            if (!placed.contains(key)) out.addAll(hidden);
        });
        return out;
    }

    private List<Stored.SectionChange> changes(Map<String, Section> old, List<Section> sections) {
        List<Stored.SectionChange> out = new ArrayList<>();
        Set<String> now = new HashSet<>();
        for (Section s : sections) {
            now.add(s.key());
            Section before = old.get(s.key());
            if (before == null) {
                out.add(new Stored.SectionChange(s.key(), ADDED, s.heading(), s.label()));
            } else if (!before.equals(s)) {
                // whoever reads this entry could read the section before and after
                out.add(new Stored.SectionChange(s.key(), CHANGED, s.heading(),
                        before.label().equals(s.label()) ? s.label() : rollUp(List.of(before.label(), s.label()))));
            }
        }
        old.values().stream().filter(s -> !now.contains(s.key())).forEach(s -> out.add(new Stored.SectionChange(s.key(), REMOVED, s.heading(), s.label())));
        return out;
    }

    private Label rollUp(List<Label> labels) {
        List<Label> distinct = List.copyOf(new LinkedHashSet<>(labels));
        if (distinct.isEmpty()) return Label.UNCLASSIFIED;
        if (distinct.size() == 1) return distinct.getFirst();
        return kernel.rollUp(distinct);
    }

    /** Publishes the plan's searchable parts (title and the newest version's sections), in the caller's transaction. */
    private void publish(String id) {
        store.find(id).ifPresent(p -> events.publishEvent(new SearchableChanged(searchable(p))));
    }

    static Searchable searchable(Stored p) {
        List<Searchable.Part> parts = new ArrayList<>();
        parts.add(new Searchable.Part("title", p.titleLabel(), p.title()));
        for (Section s : p.latest().sections()) parts.add(new Searchable.Part("section-" + s.key().substring(1), s.label(), s.heading() + "\n" + s.text()));
        return new Searchable("plan", p.id(), "/plans/?plan=" + p.id(), p.updatedAt(), parts);
    }

    Stream<Searchable> searchables() {
        return store.all().stream().map(PlanService::searchable);
    }

    // ---------------------------------------------------------------- reads

    /** What the reader may see of a stored plan, decided through the query; empty when it may read none of its parts. */
    private Optional<Plan> view(Stored p, ReadPath.Query q) {
        String base = "plans/" + p.id();
        Optional<Stored.Title> title = q.readable(Optional.of(new Stored.Title(p.title(), p.titleLabel())), t -> base + "/title");
        List<Label> seen = new ArrayList<>();
        title.ifPresent(t -> seen.add(t.label()));
        List<Plan.Version> versions = new ArrayList<>();
        for (Stored.Version v : p.versions()) {
            List<Section> sections = q.readable(v.sections(), s -> base + "/v" + v.number() + "/" + s.key());
            sections.forEach(s -> seen.add(s.label()));
            List<Plan.Approval> approvals = p.nations().stream().map(n -> {
                Stored.Approval a = v.approvals().get(n.nation());
                return new Plan.Approval(n.nation(), n.approver(), a != null && a.hash().equals(v.hash()), a == null ? null : a.approver(),
                        a == null ? null : a.at());
            }).toList();
            versions.add(new Plan.Version(v.number(), v.status(), v.hash(), v.createdBy(), v.createdAt(), v.updatedAt(), approvals, sections));
        }
        if (seen.isEmpty()) return Optional.empty();
        Integer approved = p.versions().stream().filter(v -> v.status() == VersionStatus.APPROVED).map(Stored.Version::number).reduce((a, b) -> b)
                .orElse(null);
        return Optional.of(new Plan(p.id(), title.map(Stored.Title::text).orElse(null), title.map(Stored.Title::label).orElse(null), p.kind(),
                p.nations().stream().map(n -> new Plan.Participant(n.nation(), n.approver())).toList(), p.createdBy(), p.createdAt(), p.updatedAt(),
                p.latest().number(), approved, versions, rollUp(seen)));
    }

    @Override
    public List<PlanSummary> plans(Reader reader) {
        List<Stored> all = store.all();
        try (ReadPath.Query q = readPath.query(reader, "plans")) {
            return all.stream().map(p -> view(p, q)).flatMap(Optional::stream).map(PlanService::summary).toList();
        }
    }

    private static PlanSummary summary(Plan v) {
        Plan.Version latest = v.versions().getLast();
        return new PlanSummary(v.id(), v.title(), v.kind(), v.nations().stream().map(Plan.Participant::nation).toList(), latest.number(),
                latest.status(), v.approvedVersion(), v.updatedAt(), v.label());
    }

    /**
     * The plans whose newest version, a draft, waits for the user's approval as its nation's designated approver (no
     * approval of the user's nation bound to its content yet), as the user may read them: one query, for the desk.
     */
    List<PlanSummary> awaitingApproval(KizunaUser user) {
        List<Stored> waiting = store.all().stream()
                .filter(p -> p.latest().status() == VersionStatus.DRAFT)
                .filter(p -> p.nations().stream().anyMatch(n -> n.nation().equals(user.nation()) && n.approver().equals(user.username())))
                .filter(p -> {
                    Stored.Approval a = p.latest().approvals().get(user.nation());
                    return a == null || !a.hash().equals(p.latest().hash());
                }).toList();
        try (ReadPath.Query q = readPath.query(user.reader(), "plans awaiting-approval-of=" + user.username())) {
            return waiting.stream().map(p -> view(p, q)).flatMap(Optional::stream).map(PlanService::summary).toList();
        }
    }

    @Override
    public Optional<Plan> find(String id, Reader reader) {
        Optional<Stored> p = store.find(id);
        try (ReadPath.Query q = readPath.query(reader, "plans/" + id)) {
            return p.flatMap(x -> view(x, q));
        }
    }

    @Override
    public Optional<Plan.Version> version(String id, int number, Reader reader) {
        return find(id, reader).map(p -> {
            if (number < 1 || number > p.versions().size())
                throw Problems.told(HttpStatus.NOT_FOUND, "Not found", "plans.problem.no-version", id, String.valueOf(number));
            return p.versions().get(number - 1);
        });
    }

    @Override
    public Optional<PlanDiff> diff(String id, int from, int to, Reader reader) {
        return find(id, reader).map(p -> {
            int last = p.versions().size();
            if (from < 1 || from > last || to < 1 || to > last) {
                throw Problems.badRequest("plans.problem.diff-range", String.valueOf(last), String.valueOf(from), String.valueOf(to));
            }
            List<Section> left = p.versions().get(from - 1).sections(), right = p.versions().get(to - 1).sections();
            List<Label> labels = new ArrayList<>();
            if (p.titleLabel() != null) labels.add(p.titleLabel());
            Stream.concat(left.stream(), right.stream()).forEach(s -> labels.add(s.label()));
            return new PlanDiff(id, from, to, rows(left, right), rollUp(labels));
        });
    }

    /** The rows of a diff: the newer version's sections in order, each removed section after the one it followed. */
    static List<PlanDiff.Row> rows(List<Section> left, List<Section> right) {
        Map<String, Section> before = new LinkedHashMap<>();
        left.forEach(s -> before.put(s.key(), s));
        Set<String> kept = new HashSet<>();
        right.forEach(s -> kept.add(s.key()));
        Map<String, List<Section>> removedAfter = new HashMap<>();
        List<Section> removedFirst = new ArrayList<>();
        String anchor = null;
        for (Section s : left) {
            if (kept.contains(s.key())) anchor = s.key();
            else if (anchor == null) removedFirst.add(s);
            else removedAfter.computeIfAbsent(anchor, k -> new ArrayList<>()).add(s);
        }
        List<PlanDiff.Row> rows = new ArrayList<>();
        removedFirst.forEach(s -> rows.add(removed(s)));
        for (Section s : right) {
            Section b = before.get(s.key());
            if (b == null) {
                rows.add(new PlanDiff.Row(s.key(), PlanDiff.Change.ADDED, null,
                        new PlanDiff.Side(s.heading(), true, s.label(), true, List.of(new PlanDiff.Piece(s.text(), true)))));
            } else if (b.equals(s)) {
                rows.add(new PlanDiff.Row(s.key(), PlanDiff.Change.UNCHANGED, side(b, false, false, WordDiff.unchanged(b.text())),
                        side(s, false, false, WordDiff.unchanged(s.text()))));
            } else {
                WordDiff.Sides d = WordDiff.of(b.text(), s.text());
                boolean heading = !b.heading().equals(s.heading()), label = !b.label().equals(s.label());
                rows.add(new PlanDiff.Row(s.key(), PlanDiff.Change.CHANGED, side(b, heading, label, d.left()), side(s, heading, label, d.right())));
            }
            removedAfter.getOrDefault(s.key(), List.of()).forEach(r -> rows.add(removed(r)));
        }
        return rows;
    }

    private static PlanDiff.Row removed(Section s) {
        return new PlanDiff.Row(s.key(), PlanDiff.Change.REMOVED,
                new PlanDiff.Side(s.heading(), true, s.label(), true, List.of(new PlanDiff.Piece(s.text(), true))),
                null);
    }

    private static PlanDiff.Side side(Section s, boolean heading, boolean label, List<PlanDiff.Piece> pieces) {
        return new PlanDiff.Side(s.heading(), heading, s.label(), label, pieces);
    }

    @Override
    public Optional<List<HistoryEntry>> history(String id, Reader reader) {
        Optional<Stored> p = store.find(id);
        try (ReadPath.Query q = readPath.query(reader, "plans/" + id + "/history")) {
            return p.flatMap(x -> view(x, q).map(v -> x.history().stream().map(h -> new HistoryEntry(h.at(), h.actor(), h.action(), h.version(), h.note(),
                    q.readable(h.sections(), c -> "plans/" + id + "/history/" + h.seq() + "/" + c.key()).stream()
                            .map(c -> new HistoryEntry.SectionChange(c.key(), c.change(), c.heading(), c.label())).toList()))
                    .toList()));
        }
    }

    /** For the demo: whether the node holds plans already. */
    long count() {
        return store.count();
    }
}
