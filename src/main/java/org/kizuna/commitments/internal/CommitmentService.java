package org.kizuna.commitments.internal;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kizuna.commitments.Commitment;
import org.kizuna.commitments.CommitmentChange;
import org.kizuna.commitments.CommitmentDetail;
import org.kizuna.commitments.CommitmentStatus;
import org.kizuna.commitments.CommitmentUpdate;
import org.kizuna.commitments.Commitments;
import org.kizuna.commitments.Evidence;
import org.kizuna.commitments.Statement;
import org.kizuna.federation.Offers;
import org.kizuna.federation.Replicas;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.node.Transactions;
import org.kizuna.node.Validation;
import org.kizuna.search.Searchable;
import org.kizuna.search.SearchableChanged;
import org.kizuna.search.SearchableRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commitments for readers and their owner nations. Every read decides statements and commitments for the reader in
 * one audited query; due and overdue are computed after the decision, by the node's clock (UTC days): overdue is a
 * deadline before today on a commitment not done or cancelled, due a deadline from today to {@code due-days} ahead.
 * A change is authorized by {@link Writes} for the commitment's owner nation once the commitment is found among what
 * the user may read, is recorded with its history in one transaction, and publishes the commitment's searchable parts
 * and, on the node of the owner nation, the commitment for its partners' nodes ({@link ShareableChanged}), which keep it
 * as a read-only replica in place of their own copy.
 */
@Service
@EnableConfigurationProperties(CommitmentSettings.class)
class CommitmentService implements Commitments {

    private static final Logger log = LoggerFactory.getLogger(CommitmentService.class);

    static final Set<String> DUE = Set.of("overdue", "due", "done");

    private final JdbcCommitments store;
    private final ReadPath readPath;
    private final Writes writes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Validator validator;
    private final int dueDays;
    private final String nation;
    private final TransactionTemplate requiresNew;

    CommitmentService(JdbcCommitments store, ReadPath readPath, Writes writes, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            Validator validator, CommitmentSettings settings, NodeSettings node) {
        this.nation = node.nation();
        this.requiresNew = Transactions.requiresNew(tx);
        this.store = store;
        this.readPath = readPath;
        this.writes = writes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.validator = validator;
        this.dueDays = settings.dueDays();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** overdue, due, done or null, for today. */
    static @Nullable String due(Commitment c, LocalDate today, int dueDays) {
        if (c.status() == CommitmentStatus.DONE) return "done";
        if (c.status().closed() || c.deadline() == null) return null;
        if (c.deadline().isBefore(today)) return "overdue";
        return c.deadline().isAfter(today.plusDays(dueDays)) ? null : "due";
    }

    private Commitment withDue(Commitment c, LocalDate today) {
        return new Commitment(c.id(), c.statement(), c.statementDay(), c.text(), c.owner(), c.organization(), c.organizationNote(), c.deadline(),
                c.deadlineNote(), c.status(), c.evidence(), c.sources(), c.verification(), c.note(), c.updated(), c.label(), due(c, today, dueDays));
    }

    @Override
    public List<Commitment> commitments(@Nullable CommitmentStatus status, @Nullable String due, Reader reader) {
        if (due != null && !DUE.contains(due)) throw Problems.badRequest("commitments.problem.due", abbreviate(due));
        LocalDate today = today();
        List<Commitment> all = store.commitments();
        List<Statement> statements = store.statements();
        try (ReadPath.Query q = readPath.query(reader, "commitments" + (status == null ? "" : " status=" + status) + (due == null ? "" : " due=" + due))) {
            List<Commitment> readable = q.readable(all, c -> "commitments/" + c.id());
            // a commitment is read with its statement (its day is the statement's), as find reads it: none whose statement the reader may not read
            Set<String> made = new HashSet<>();
            readable.forEach(c -> made.add(c.statement()));
            Set<String> readableStatements = new HashSet<>();
            q.readable(statements.stream().filter(s -> made.contains(s.id())).toList(), s -> "commitments/statements/" + s.id())
                    .forEach(s -> readableStatements.add(s.id()));
            return readable.stream().filter(c -> readableStatements.contains(c.statement())).map(c -> withDue(c, today))
                    .filter(c -> status == null || c.status() == status).filter(c -> due == null || due.equals(c.due())).toList();
        }
    }

    @Override
    public Optional<CommitmentDetail> find(String id, Reader reader) {
        Optional<Commitment> c = store.commitment(id);
        List<Statement> statements = store.statements();
        try (ReadPath.Query q = readPath.query(reader, "commitments/" + id)) {
            return q.readable(c, x -> "commitments/" + x.id())
                    .flatMap(x -> q.readable(statements.stream().filter(s -> s.id().equals(x.statement())).findFirst(),
                            s -> "commitments/statements/" + s.id()).map(
                                    s -> new CommitmentDetail(withDue(x, today()), s, store.history(id),
                                            store.held(id).map(JdbcCommitments.Held::replicaOf).orElse(null))));
        }
    }

    @Override
    public List<Statement> statements(Reader reader) {
        List<Statement> all = store.statements();
        List<Commitment> commitments = store.commitments();
        LocalDate today = today();
        try (ReadPath.Query q = readPath.query(reader, "commitments/statements")) {
            List<Commitment> readable = q.readable(commitments, c -> "commitments/" + c.id()).stream().map(c -> withDue(c, today)).toList();
            return q.readable(all, s -> "commitments/statements/" + s.id()).stream().map(s -> new Statement(s.id(), s.date(), s.day(), s.kind(), s.forum(),
                    s.forumNote(), s.title(), s.summary(), s.sources(), s.verification(), s.label(),
                    readable.stream().filter(c -> c.statement().equals(s.id())).toList())).toList();
        }
    }

    @Override
    public synchronized Optional<CommitmentDetail> change(String id, CommitmentUpdate u, KizunaUser user) {
        Optional<CommitmentDetail> found = find(id, user.reader());
        if (found.isEmpty()) return found;
        Commitment c = found.get().commitment();
        writes.authorize(user, Write.UPDATE_COMMITMENT, c.owner());
        String replicaOf = found.get().originator();
        if (replicaOf != null) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Read-only replica", "commitments.problem.read-only", id, replicaOf);
        }
        Validation.check(validator, u);
        boolean clear = Boolean.TRUE.equals(u.noDeadline());
        if (clear && u.deadline() != null) throw Problems.badRequest("commitments.problem.deadline-both");
        if (u.deadline() != null && (u.deadline().getYear() < 1945 || u.deadline().getYear() > 2200)) {
            throw Problems.badRequest("commitments.problem.deadline-years", String.valueOf(u.deadline()));
        }
        CommitmentStatus status = u.status() != null ? u.status() : c.status();
        LocalDate deadline = clear ? null : u.deadline() != null ? u.deadline() : c.deadline();
        Evidence evidence = u.evidence() != null ? new Evidence(u.evidence().text().strip(), u.evidence().url()) : c.evidence();
        boolean statusChanged = status != c.status(), deadlineChanged = !Objects.equals(deadline, c.deadline());
        boolean evidenceChanged = !Objects.equals(evidence, c.evidence());
        if (!statusChanged && !deadlineChanged && !evidenceChanged) {
            throw Problems.badRequest("commitments.problem.nothing-new");
        }
        Instant now = clock.instant();
        CommitmentChange change = new CommitmentChange(now, LocalDate.ofInstant(now, ZoneOffset.UTC).toString(), user.username(),
                statusChanged ? c.status() : null, statusChanged ? status : null, deadlineChanged, deadlineChanged ? c.deadline() : null,
                deadlineChanged ? deadline : null, evidenceChanged ? evidence : null, u.note().strip(), List.of(), null);
        tx.executeWithoutResult(s -> {
            store.record(id, status, deadline, evidence, change);
            store.commitment(id).ifPresent(x -> {
                events.publishEvent(new SearchableChanged(searchable(x)));
                share(x);
            });
        });
        return find(id, user.reader());
    }

    /**
     * Offers a newly admitted peer every commitment of this node's nation it has shared, at its share version now (not
     * raised), for that peer only: federation guards each for the peer and queues what it was not sent at that version
     * ({@link Offers}).
     */
    void offerTo(String peer) {
        int n = Offers.offer(requiresNew, events, peer, (after, limit) -> store.ownSharedIds(nation, after, limit), id -> {
            JdbcCommitments.Held held = store.held(id).orElse(null);
            if (held == null || !held.owner().equals(nation) || held.replicaOf() != null || held.shareVersion() < 1) return Optional.empty();
            return store.commitment(id).flatMap(c -> store.statements().stream().filter(x -> x.id().equals(c.statement())).findFirst()
                    .map(s -> CommitmentShares.shareable(c, s, store.history(c.id()), nation, held.shareVersion())));
        });
        log.info("commitments: offered {} commitment(s) to the newly admitted peer {}", n, peer);
    }

    /**
     * Publishes a commitment of this node's nation for the partners' nodes, in the caller's transaction: the node of a
     * commitment's owner nation is where its changes are recorded, so it is the one that shares them.
     */
    private void share(Commitment c) {
        if (!c.owner().equals(nation)) return;
        Statement s = store.statements().stream().filter(x -> x.id().equals(c.statement())).findFirst().orElseThrow();
        events.publishEvent(new ShareableChanged(CommitmentShares.shareable(c, s, store.history(c.id()), nation, store.bumpShareVersion(c.id()))));
    }

    /**
     * Keeps a replica of a commitment from the node of its owner nation, in place of this node's copy (the reference data
     * every node loads) or an older replica; removed when withdrawn. Another node's commitment of the same id (not of its
     * nation) is left alone.
     * The replicas of one arrival ({@link org.kizuna.federation.ShareableReceived}) are kept all in one transaction of its
     * own, committed before the lock is released, or each in its own where one of them cannot be kept
     * ({@link Replicas#applyAll}).
     */
    synchronized void applyReplicas(List<Shareable> items, String from) {
        Replicas.applyAll(requiresNew, items, item -> applyReplica(item, from));
    }

    /** One replica, in the transaction of {@link #applyReplicas} (joined). */
    private void applyReplica(Shareable item, String from) {
        tx.executeWithoutResult(t -> {
            JdbcCommitments.Held held = store.held(item.id()).orElse(null);
            if (!item.ownerNation().equals(from) || (held != null && !held.owner().equals(from))) {
                log.warn("federation: {} shared commitment {} of {}; only the owner nation's node shares a commitment; not kept", from, item.id(),
                        held == null ? item.ownerNation() : held.owner());
                return;
            }
            if (held != null && from.equals(held.replicaOf()) && held.shareVersion() >= item.version()) return;
            if (item.findPart("commitment").isEmpty()) {
                if (held != null && from.equals(held.replicaOf())) {
                    store.delete(item.id());
                    events.publishEvent(new SearchableRemoved(CommitmentShares.KIND, item.id()));
                }
                return;
            }
            CommitmentShares.Replica r;
            try {
                r = CommitmentShares.replica(item);
            } catch (RuntimeException e) {
                log.warn("federation: {}'s commitment {} (version {}) is not well formed; not kept: {}", from, item.id(), item.version(), e.getMessage());
                return;
            }
            if (!store.statementExists(r.commitment().statement())) {
                if (r.statement() == null) {
                    log.warn("federation: {}'s commitment {} was made in statement {}, which this node neither holds nor was sent; not kept", from,
                            item.id(), r.commitment().statement());
                    return;
                }
                store.insertStatement(r.statement());
            }
            store.storeReplica(r.commitment(), r.history(), from, item.version(), held != null);
            store.commitment(item.id()).ifPresent(x -> events.publishEvent(new SearchableChanged(searchable(x))));
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** The commitment's searchable parts: its text as the title, and its evidence, under the commitment's label. */
    static Searchable searchable(Commitment c) {
        List<Searchable.Part> parts = new ArrayList<>();
        parts.add(new Searchable.Part("title", c.label(), c.text()));
        if (c.evidence() != null) parts.add(new Searchable.Part("evidence", c.label(), c.evidence().text()));
        return new Searchable("commitment", c.id(), "/commitments/?id=" + c.id(), c.updated(), parts);
    }

    Stream<Searchable> searchables() {
        return store.commitments().stream().map(CommitmentService::searchable);
    }

    void publishAll() {
        store.commitments().forEach(c -> events.publishEvent(new SearchableChanged(searchable(c))));
    }

}
