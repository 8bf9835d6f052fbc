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
import org.kizuna.federation.Federation;
import org.kizuna.federation.Offers;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.federation.PeerRequestReceived;
import org.kizuna.federation.PeerRequestSent;
import org.kizuna.federation.RecordIds;
import org.kizuna.federation.Replicas;
import org.kizuna.federation.RequestStatus;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Policy;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.CodedArgumentException;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.node.Transactions;
import org.kizuna.node.Validation;
import org.kizuna.plans.HistoryEntry;
import org.kizuna.plans.NewComment;
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
import org.kizuna.search.SearchableRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans for readers and their authors and approvers. Every read decides the plan's parts (its title and every
 * section of every version) for the reader in one audited query of the read path; a plan none of whose parts the
 * reader may read is not found. Every write is authorized by {@link Writes} once the plan is found among what the
 * user may read, changes one transaction, and publishes the plan's searchable parts in it, and (for a plan of this
 * node) the plan for its partners' nodes ({@link ShareableChanged}). A replica of a partner's plan is read-only: an
 * approval or a comment given on it is sent to the plan's node ({@link PeerRequestSent}), which applies or refuses it
 * ({@link #handle}) and shares the result as any change.
 */
@Service
class PlanService implements Plans {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

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
    private final Federation federation;
    private final String nation;
    private final TransactionTemplate requiresNew;
    private final SecureRandom random = new SecureRandom();

    PlanService(JdbcPlans store, ReadPath readPath, Writes writes, UserDirectory users, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock, Validator validator, Federation federation, NodeSettings node) {
        this.federation = federation;
        this.nation = node.nation();
        this.requiresNew = Transactions.requiresNew(tx);
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
        Validation.check(validator, p, PlanService::violation);
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
        String id = RecordIds.next("PL", nation);
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
        readOnly(p);
        Validation.check(validator, change, PlanService::violation);
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
        boolean whole = p.titleHeld() && kernel.mayRead(p.titleLabel(), user.reader())
                && v.sections().stream().allMatch(s -> kernel.mayRead(s.label(), user.reader()));
        if (!whole) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Not allowed", "plans.problem.not-whole", String.valueOf(number), id);
        }
        if (!v.hash().equals(hash)) {
            throw Problems.told(HttpStatus.CONFLICT, "Conflict", "plans.problem.hash", abbreviate(hash), String.valueOf(number), v.hash());
        }
        if (v.approvals().containsKey(own.nation())) return visible;
        if (p.replicaOf() != null) {
            // a partner's plan: the approval goes to the plan's node, which applies it only if this version is still current
            boolean pending = federation.requests(PlanShares.KIND, id).stream().anyMatch(r -> r.kind().equals(PlanShares.APPROVAL)
                    && r.state().equals("pending") && hash.equals(r.header().get("hash")) && String.valueOf(number).equals(r.header().get("version")));
            if (!pending) {
                Map<String, String> header = Map.of("version", String.valueOf(number), "hash", hash, "nation", own.nation(), "approver", user.username());
                tx.executeWithoutResult(status -> events.publishEvent(new PeerRequestSent(new PeerRequest(PlanShares.APPROVAL,
                        "PA-" + UUID.randomUUID(), PlanShares.KIND, id, header, List.of()))));
            }
            return find(id, user.reader());
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> applyApproval(p, v, own.nation(), user.username(), "approved for " + own.nation(), now));
        return find(id, user.reader());
    }

    /** Records a nation's approval of a version (and the version's approval once every nation approved it), in the caller's transaction. */
    private void applyApproval(Stored p, Stored.Version v, String approving, String approver, String note, Instant now) {
        String id = p.id();
        int number = v.number();
        store.insertApproval(id, number, approving, approver, v.hash(), now);
        store.insertHistory(id, approver, "APPROVED", number, note, List.of(), now);
        Set<String> approved = new HashSet<>(
                v.approvals().entrySet().stream().filter(e -> e.getValue().hash().equals(v.hash())).map(Map.Entry::getKey).toList());
        approved.add(approving);
        if (p.nations().stream().allMatch(n -> approved.contains(n.nation()))) {
            store.setStatus(id, number, VersionStatus.APPROVED, now);
            store.insertHistory(id, approver, "VERSION_APPROVED", number, "approved by every participating nation", List.of(), now);
        }
        store.touch(id, now);
        publish(id);
    }

    @Override
    public synchronized Optional<Plan> comment(String id, NewComment c, KizunaUser user) {
        Optional<Plan> visible = find(id, user.reader());
        if (visible.isEmpty()) return Optional.empty();
        writes.authorize(user, Write.COMMENT_ON_RECORD, user.nation());
        Validation.check(validator, c, PlanService::violation);
        Stored p = store.find(id).orElseThrow();
        Label l = label("marking", c.marking(), p.nations().stream().map(Stored.Nation::nation).toList(), user);
        String text = text(c.text()).strip();
        if (p.replicaOf() != null) {
            // a partner's plan: the comment goes to the plan's node (through the guard of that link), which adds it
            Map<String, String> header = Map.of("author", user.username(), "nation", user.nation());
            tx.executeWithoutResult(status -> events.publishEvent(new PeerRequestSent(new PeerRequest(PlanShares.COMMENT, "PC-" + UUID.randomUUID(),
                    PlanShares.KIND, id, header, List.of(new Shareable.Part("comment", l.banner(), text, ""))))));
            return find(id, user.reader());
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            store.insertComment(id, new Stored.Comment("C-" + UUID.randomUUID().toString().substring(0, 13), user.nation(), user.username(), l, text,
                    null, now));
            // a comment has its own label and time: the plan's last change stays, or a reader who may not read the
            // comment would learn when it was written
            publish(id);
        });
        return find(id, user.reader());
    }

    /** Refuses (403) a change of a replica of a partner's plan: only the plan's node changes it. */
    private static void readOnly(Stored p) {
        if (p.replicaOf() != null) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Read-only replica", "plans.problem.read-only", p.id(), p.replicaOf());
        }
    }

    // ---------------------------------------------------------------- federation

    /**
     * Keeps a replica of a partner's plan: replaced whole by a newer version, removed when withdrawn (no part left for
     * this node). A replica is read-only here and never shared again. A plan of this node, or another node's replica,
     * with the same id is left alone.
     * The replicas of one arrival ({@link org.kizuna.federation.ShareableReceived}) are kept all in one transaction of its
     * own, committed before the lock is released, or each in its own where one of them cannot be kept
     * ({@link Replicas#applyAll}).
     */
    synchronized void applyReplicas(List<Shareable> items, String from) {
        Replicas.applyAll(requiresNew, items, item -> applyReplica(item, from));
    }

    /** One replica, in the transaction of {@link #applyReplicas} (joined). */
    private void applyReplica(Shareable item, String from) {
        tx.executeWithoutResult(s -> {
            Optional<Stored> existing = store.find(item.id());
            if (existing.isPresent() && !from.equals(existing.get().replicaOf())) {
                log.warn("federation: {}'s plan {} has the id of a plan this node holds (of {}); not kept", from, item.id(),
                        existing.get().replicaOf() == null ? "this node" : existing.get().replicaOf());
                return;
            }
            if (existing.isPresent() && store.shareVersion(item.id()) >= item.version()) return;
            Stored replica = null;
            if (!item.parts().isEmpty()) {
                try {
                    replica = PlanShares.replica(item, from);
                } catch (RuntimeException e) {
                    log.warn("federation: {}'s plan {} (version {}) is not a well-formed plan; not kept: {}", from, item.id(), item.version(), e.getMessage());
                    return;
                }
            }
            if (existing.isPresent()) store.delete(item.id());
            if (replica == null) {
                events.publishEvent(new SearchableRemoved(PlanShares.KIND, item.id()));
                return;
            }
            store.insertReplica(replica, item.version());
            store.find(item.id()).ifPresent(x -> events.publishEvent(new SearchableChanged(searchable(x))));
        });
    }

    /**
     * A partner node's request about one of this node's plans (federation checked that the plan was sent to that node):
     * an approval for the partner's nation, applied only if that nation takes part, the approver is its designated
     * approver, the version is still the newest with the same hash and that node was sent all of it; or a comment. The
     * answer travels back in the transaction of what was done; the plan's new state travels out as any change.
     */
    synchronized void handle(PeerRequestReceived event) {
        PeerRequest r = event.request();
        String from = event.fromNation();
        requiresNew.executeWithoutResult(s -> {
            Reason refusal;
            Stored p = store.find(r.aboutId()).filter(x -> x.replicaOf() == null).orElse(null);
            if (p == null) {
                refusal = Reason.of("plans.answer.not-ours", r.aboutId());
            } else {
                try {
                    refusal = switch (r.kind()) {
                        case PlanShares.APPROVAL -> approvalFrom(p, r, from, event.released());
                        case PlanShares.COMMENT -> commentFrom(p, r, from);
                        default -> Reason.of("plans.answer.unknown-kind", r.kind());
                    };
                } catch (CodedArgumentException e) {
                    refusal = Reason.of("plans.answer.malformed", e.reason());
                } catch (IllegalArgumentException e) {
                    refusal = Reason.of("plans.answer.malformed", String.valueOf(e.getMessage()));
                }
            }
            // a refusal is logged and kept as the link's last error by federation when the answer leaves
            events.publishEvent(PeerRequestAnswered.of(r.id(), from, refusal == null, refusal == null ? Reason.of("plans.answer.applied") : refusal));
        });
    }

    private @Nullable Reason approvalFrom(Stored p, PeerRequest r, String from, PeerRequestReceived.Released released) {
        String approving = r.header().getOrDefault("nation", ""), approver = r.header().getOrDefault("approver", "");
        String hash = r.header().getOrDefault("hash", "");
        int number;
        try {
            number = Integer.parseInt(r.header().getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            return Reason.of("plans.answer.no-version");
        }
        if (!approving.equals(from)) return Reason.of("plans.answer.other-nation", approving, from);
        Stored.Nation own = p.nations().stream().filter(n -> n.nation().equals(from)).findFirst().orElse(null);
        if (own == null) return Reason.of("plans.answer.not-participating", from, p.id());
        if (!own.approver().equals(approver)) {
            return Reason.of("plans.answer.not-approver", p.id(), from, own.approver(), approver);
        }
        Stored.Version latest = p.latest();
        if (number != latest.number()) {
            return Reason.of("plans.answer.not-newest", String.valueOf(number), p.id(), String.valueOf(latest.number()), from);
        }
        if (!latest.hash().equals(hash)) {
            return Reason.of("plans.answer.hash", String.valueOf(number), p.id(), from, latest.hash());
        }
        PlanShares.Newest sent = PlanShares.newest(released.header());
        boolean whole = released.parts().contains("title")
                && latest.sections().stream().allMatch(x -> released.parts().contains(PlanShares.sectionPart(number, x.key())));
        if (sent.number() != number || !sent.hash().equals(hash) || !whole) {
            return Reason.of("plans.answer.not-whole", String.valueOf(number), p.id(), from);
        }
        Stored.Approval given = latest.approvals().get(from);
        if (given != null && given.hash().equals(hash)) return null;
        applyApproval(p, latest, from, approver, "approved for " + from + " on " + from + "'s node", clock.instant());
        return null;
    }

    private @Nullable Reason commentFrom(Stored p, PeerRequest r, String from) {
        String commenting = r.header().getOrDefault("nation", ""), author = r.header().getOrDefault("author", "");
        if (!commenting.equals(from)) return Reason.of("plans.answer.comment-other-nation", commenting, from);
        if (author.isBlank() || author.length() > 64) return Reason.of("plans.answer.no-author");
        if (r.parts().size() != 1 || !r.parts().getFirst().id().equals("comment")) return Reason.of("plans.answer.comment-parts");
        Shareable.Part part = r.parts().getFirst();
        if (part.text().isBlank() || part.text().length() > 4000) return Reason.of("plans.answer.comment-length");
        Label l = part.label();
        List<String> nations = p.nations().stream().map(Stored.Nation::nation).toList();
        if (l.banner().length() > 200 || !nations.stream().allMatch(n -> releasableTo(l, n))) {
            return Reason.of("plans.answer.comment-label", l.banner(), Reason.list(nations));
        }
        if (p.comments().stream().anyMatch(c -> c.id().equals(r.id()))) return null;
        Instant now = clock.instant();
        store.insertComment(p.id(), new Stored.Comment(r.id(), from, author, l, part.text(), from, now)); // the plan's last change stays
        publish(p.id());
        return null;
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
        Label l = Label.parseField(field, marking.strip());
        if (l.banner().length() > 200) throw Problems.badRequest("plans.problem.banner-length", field, l.banner());
        Reason refusal = kernel.holdReason(l);
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

    /**
     * Publishes the plan's searchable parts (title and the newest version's sections) and, for a plan of this node, the
     * plan for its partners' nodes under a new share version, in the caller's transaction.
     */
    private void publish(String id) {
        store.find(id).ifPresent(p -> {
            events.publishEvent(new SearchableChanged(searchable(p)));
            if (p.replicaOf() == null) events.publishEvent(new ShareableChanged(PlanShares.shareable(p, nation, store.bumpShareVersion(id))));
        });
    }

    /**
     * Offers a newly admitted peer every plan this node owns, at its share version now (not raised), for that peer only:
     * federation guards each for the peer and queues what it was not sent at that version ({@link Offers}).
     */
    void offerTo(String peer) {
        int n = Offers.offer(requiresNew, events, peer, store::ownSharedIds,
                id -> store.find(id).filter(p -> p.replicaOf() == null).map(p -> PlanShares.shareable(p, nation, store.shareVersion(id))));
        log.info("plans: offered {} plan(s) to the newly admitted peer {}", n, peer);
    }

    static Searchable searchable(Stored p) {
        List<Searchable.Part> parts = new ArrayList<>();
        // each part with its own last change (the plan's moves with sections and comments another reader may not read)
        if (p.titleHeld()) parts.add(new Searchable.Part("title", p.titleLabel(), p.title(), p.createdAt()));
        for (Section s : p.latest().sections()) {
            parts.add(new Searchable.Part("section-" + s.key().substring(1), s.label(), s.heading() + "\n" + s.text(), changed(p, s)));
        }
        return new Searchable("plan", p.id(), "/plans/?plan=" + p.id(), p.updatedAt(), parts);
    }

    /**
     * When a section of the newest version last changed, from that section alone: the creation of the first of the
     * newest versions that hold it exactly as it is, or the history's last addition or change of it (a draft changed in
     * place), whichever is later. A replica's history does not say which sections a change touched; its versions do.
     */
    private static Instant changed(Stored p, Section s) {
        List<Stored.Version> versions = p.versions();
        int first = versions.size() - 1;
        while (first > 0 && versions.get(first - 1).sections().contains(s)) first--;
        Instant changed = versions.get(first).createdAt();
        for (Stored.History h : p.history()) {
            boolean touched = h.sections().stream().anyMatch(c -> c.key().equals(s.key()) && !c.change().equals(REMOVED));
            if (touched && h.at().isAfter(changed)) changed = h.at();
        }
        return changed;
    }

    Stream<Searchable> searchables() {
        return store.all().stream().map(PlanService::searchable);
    }

    // ---------------------------------------------------------------- reads

    /** What the reader may see of a stored plan, decided through the query; empty when it may read none of its parts. */
    private Optional<Plan> view(Stored p, ReadPath.Query q, boolean requests) {
        String base = "plans/" + p.id();
        Optional<Stored.Title> title = p.titleHeld()
                ? q.readable(Optional.of(new Stored.Title(p.title(), p.titleLabel())), t -> base + "/title")
                : Optional.empty();
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
        List<Label> printed = new ArrayList<>();
        title.ifPresent(t -> printed.add(t.label()));
        versions.getLast().sections().forEach(s -> printed.add(s.label()));
        List<Plan.Comment> comments = q.readable(p.comments(), c -> base + "/comments/" + c.id()).stream()
                .map(c -> new Plan.Comment(c.id(), c.author(), c.nation(), c.at(), c.label(), c.text())).toList();
        if (seen.isEmpty()) return Optional.empty();
        comments.forEach(c -> seen.add(c.label()));
        Integer approved = p.versions().stream().filter(v -> v.status() == VersionStatus.APPROVED).map(Stored.Version::number).reduce((a, b) -> b)
                .orElse(null);
        return Optional.of(new Plan(p.id(), title.map(Stored.Title::text).orElse(null), title.map(Stored.Title::label).orElse(null), p.kind(),
                p.nations().stream().map(n -> new Plan.Participant(n.nation(), n.approver())).toList(), p.createdBy(), p.createdAt(), p.updatedAt(),
                p.latest().number(), approved, versions, rollUp(seen), p.replicaOf(), comments, requests ? requests(p) : List.of(),
                rollUp(printed)));
    }

    /** The approvals and comments this node sent about its replica, with the plan's node's answers. */
    private List<Plan.Request> requests(Stored p) {
        if (p.replicaOf() == null) return List.of();
        List<Plan.Request> out = new ArrayList<>();
        for (RequestStatus r : federation.requests(PlanShares.KIND, p.id())) {
            Integer version = null;
            try {
                if (r.header().containsKey("version")) version = Integer.valueOf(r.header().get("version"));
            } catch (NumberFormatException e) {
                // shown without its version
            }
            String by = r.header().containsKey("approver") ? r.header().get("approver") : r.header().get("author");
            out.add(new Plan.Request(r.id(), r.kind(), version, by, r.state(), r.reason(), r.sentAt(), r.answeredAt()));
        }
        return out;
    }

    @Override
    public List<PlanSummary> plans(Reader reader) {
        List<Stored> all = store.all();
        try (ReadPath.Query q = readPath.query(reader, "plans")) {
            return all.stream().map(p -> view(p, q, false)).flatMap(Optional::stream).map(PlanService::summary).toList();
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
            return waiting.stream().map(p -> view(p, q, false)).flatMap(Optional::stream).map(PlanService::summary).toList();
        }
    }

    @Override
    public Optional<Plan> find(String id, Reader reader) {
        Optional<Stored> p = store.find(id);
        try (ReadPath.Query q = readPath.query(reader, "plans/" + id)) {
            return p.flatMap(x -> view(x, q, true));
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
            return p.flatMap(x -> view(x, q, false).map(v -> x
                    .history().stream().map(h -> new HistoryEntry(h.at(), h.actor(), h.action(), h.version(), h.note(),
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
