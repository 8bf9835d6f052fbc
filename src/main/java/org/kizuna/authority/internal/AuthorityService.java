package org.kizuna.authority.internal;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.authority.Authority;
import org.kizuna.authority.LegalFacts;
import org.kizuna.authority.LevelInForce;
import org.kizuna.authority.LevelSetting;
import org.kizuna.authority.NewLevel;
import org.kizuna.authority.NewSupportRequest;
import org.kizuna.authority.SituationLevelSet;
import org.kizuna.authority.SupportDecision;
import org.kizuna.authority.SupportRequest;
import org.kizuna.federation.Federation;
import org.kizuna.federation.PeerAnswerReceived;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.federation.PeerRequestSent;
import org.kizuna.federation.RecordIds;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.Policy;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.CodedArgumentException;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.node.Validation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Situation levels and support requests. Levels are public (UNCLASSIFIED), so the outcome of a request never depends
 * on a level its requester may not read; a level is set by a user the write matrix allows ({@code SET_SITUATION_LEVEL},
 * JPN) who is also designated in {@link AuthoritySettings#levelSetters()}, time-stamped by the node's {@link Clock},
 * and recorded in the audit log once the transaction that stores it has committed ({@link LevelAudit}). A request is checked against the level in force in
 * its region when it is filed; support given by the legislation's nation (JPN) follows the rules of
 * {@link LegalFacts}, support by any other nation is sent to that nation for a decision. Reads go through the read path,
 * one audited query per call.
 */
@Service
@EnableConfigurationProperties(AuthoritySettings.class)
class AuthorityService implements Authority {

    static final String PEACETIME = "peacetime";
    /** How long a request's period may be, in days. */
    static final int MAX_PERIOD_DAYS = 366;

    private final JdbcAuthority store;
    private final LegalFacts facts;
    private final AuthoritySettings settings;
    private final ReadPath readPath;
    private final Writes writes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Validator validator;
    private final Clock clock;
    private final Federation federation;
    private final String nation;

    AuthorityService(JdbcAuthority store, LegalFacts facts, AuthoritySettings settings, ReadPath readPath, Writes writes, AuditLog audit,
            ApplicationEventPublisher events, TransactionTemplate tx, Validator validator, Clock clock, Federation federation, NodeSettings node) {
        this.federation = federation;
        this.nation = node.nation();
        this.store = store;
        this.facts = facts;
        this.settings = settings;
        this.readPath = readPath;
        this.writes = writes;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public LegalFacts facts() {
        return facts;
    }

    @Override
    public List<LevelInForce> levelsInForce(Reader reader) {
        List<LevelSetting> readable = readPath.readable(store.levels(), reader, AuthorityService::levelId, "authority/levels");
        return inForce(readable);
    }

    /** The latest of the settings per region (they are oldest first), peacetime for a region with none. */
    private List<LevelInForce> inForce(List<LevelSetting> settings) {
        Map<String, LevelSetting> latest = new LinkedHashMap<>();
        settings.forEach(s -> latest.put(s.region(), s));
        List<LevelInForce> out = new ArrayList<>();
        for (LegalFacts.Region r : facts.regions()) {
            LevelSetting s = latest.get(r.id());
            out.add(s == null
                    ? new LevelInForce(r.id(), PEACETIME, null, null, null, Label.UNCLASSIFIED)
                    : new LevelInForce(r.id(), s.level(), s.setAt(), s.setBy(), s.note(), s.label()));
        }
        return out;
    }

    @Override
    public List<LevelSetting> history(String region, Reader reader) {
        region(region);
        return readPath.readable(store.levels(region), reader, AuthorityService::levelId, "authority/levels/history?region=" + region);
    }

    @Override
    public boolean maySetLevels(KizunaUser user) {
        return writes.may(user, Write.SET_SITUATION_LEVEL, facts.legislationNation()) && settings.levelSetters().contains(user.username());
    }

    @Override
    public LevelSetting setLevel(NewLevel n, KizunaUser user) {
        writes.authorize(user, Write.SET_SITUATION_LEVEL, facts.legislationNation());
        if (!settings.levelSetters().contains(user.username())) {
            throw Problems.told(HttpStatus.FORBIDDEN, "Forbidden", "authority.problem.not-designated", user.username());
        }
        Validation.check(validator, n);
        LegalFacts.Region region = region(n.region());
        LegalFacts.Situation level = situation(n.level());
        LevelSetting s = new LevelSetting("SL-" + UUID.randomUUID().toString().substring(0, 8), region.id(), level.id(),
                JdbcAuthority.orNull(n.note()), user.username(), clock.instant(), Label.UNCLASSIFIED);
        // the setting and its event publication commit together; the audit record is appended once they did (LevelAudit), so a
        // setting whose transaction rolls back leaves no record, and one that committed gets its record even after a restart
        tx.executeWithoutResult(status -> {
            store.insert(s);
            events.publishEvent(new SituationLevelSet(s.id(), s.region(), s.level(), s.setBy(), s.setAt(), s.label(), s.note()));
        });
        return s;
    }

    @Override
    public SupportRequest request(NewSupportRequest n, KizunaUser user) {
        // the role first (it depends on nothing else), then the requesting nation, which must be the user's own
        writes.authorize(user, Write.REQUEST_SUPPORT, user.nation());
        Validation.check(validator, n);
        writes.authorize(user, Write.REQUEST_SUPPORT, n.from());
        if (n.to().equals(n.from())) throw Problems.badRequest("authority.problem.same-nation", n.from());
        if (Policy.ofNation(n.to()).isEmpty()) throw Problems.badRequest("authority.problem.no-policy", n.to());
        LegalFacts.SupportKind kind = facts.kinds().stream().filter(k -> k.id().equals(n.kind())).findFirst()
                .orElseThrow(() -> Problems.badRequest("authority.problem.kind", n.kind(),
                        facts.kinds().stream().map(LegalFacts.SupportKind::id).collect(Collectors.joining(", "))));
        LegalFacts.Region region = region(n.region());
        LocalDate from = date("neededFrom", n.neededFrom()), to = date("neededTo", n.neededTo());
        if (to.isBefore(from)) throw Problems.badRequest("authority.problem.needed-to", from.toString(), to.toString());
        if (ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
            throw Problems.badRequest("authority.problem.period", String.valueOf(MAX_PERIOD_DAYS));
        }
        Instant now = clock.instant();
        if (to.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) throw Problems.badRequest("authority.problem.past", to.toString());
        Label label = label(n.label(), user);
        Policy supporting = Policy.ofNation(n.to()).orElseThrow();
        if (!readPath.kernel().mayRead(label, Reader.of(n.to(), supporting.levels().getLast().englishName(), Set.of()))) {
            throw Problems.badRequest("authority.problem.unreadable-for-partner", n.to(), label.banner());
        }
        String id = RecordIds.next("SR", nation);
        String sentTo = !n.to().equals(nation) && federation.approvedPeer(n.to()) ? n.to() : null;
        if (sentTo != null) {
            // the supporting nation's node decides it, under the level in force there, by its designated users
            SupportRequest r = new SupportRequest(id, n.from(), n.to(), kind.id(), region.id(), from, to, n.description().strip(),
                    SupportRequest.Outcome.PENDING_DECISION, "sent to " + n.to() + "'s node for a decision under the level in force there",
                    "decided by " + n.to() + "'s node", levelNow(region.id()), user.username(), now, null, null, null, label, sentTo, null);
            tx.executeWithoutResult(status -> {
                store.insert(r, sentTo, null);
                events.publishEvent(new PeerRequestSent(SupportShares.request(r, sentTo)));
            });
            return store.request(id).orElseThrow();
        }
        Assessed a = assess(n.from(), n.to(), kind.id(), region);
        SupportRequest r = new SupportRequest(id, n.from(), n.to(), kind.id(), region.id(), from, to,
                n.description().strip(), a.outcome(), a.reason(), a.basis(), a.level(), user.username(), now, null, null, null, label);
        store.insert(r);
        return store.request(r.id()).orElseThrow();
    }

    /** A request's outcome under the level in force in its region on this node, with the reason and basis. */
    private record Assessed(SupportRequest.Outcome outcome, String reason, String basis, String level) {
    }

    private Assessed assess(String fromNation, String toNation, String kind, LegalFacts.Region region) {
        String level = levelNow(region.id());
        LegalFacts.Situation situation = situation(level);
        SupportRequest.Outcome outcome;
        String reason, basis;
        if (toNation.equals(facts.legislationNation())) {
            LegalFacts.Rule rule = facts.rule(level, fromNation, kind);
            String under = " under " + situation.name() + " (" + situation.id() + ") in " + region.name() + ": " + rule.reason() + " (" + rule.basis() + ")";
            basis = rule.basis();
            switch (rule.permission()) {
                case ALLOWED -> {
                    outcome = SupportRequest.Outcome.ALLOWED;
                    reason = "allowed" + under;
                }
                case NOT_ALLOWED -> {
                    outcome = SupportRequest.Outcome.REFUSED;
                    reason = "refused" + under;
                }
                default -> {
                    outcome = SupportRequest.Outcome.PENDING_DECISION;
                    reason = "sent to " + toNation + " for a decision" + under;
                }
            }
        } else {
            outcome = SupportRequest.Outcome.PENDING_DECISION;
            basis = "no legal rules of " + toNation + " on this node";
            reason = "sent to " + toNation + " for a decision: this node holds the legal rules of " + facts.legislationNation()
                    + " (support given by the Self-Defense Forces) only; " + toNation + " decides on support by its forces";
        }
        return new Assessed(outcome, reason, basis, level);
    }

    // ---- support requests between nodes (docs/authority.md, "Requests to the supporting nation's node")

    /**
     * A partner node's request for support by this node's nation: checked as a request of that nation (from that
     * nation, to this one, a known kind and region, a period that is not past), filed here under the same id, and
     * checked against the level in force here; allowed or refused at once where the rules decide it (answered in the
     * same transaction), else pending for this node's designated users, whose decision is answered.
     */
    synchronized void requestFrom(PeerRequest r, String fromNode) {
        tx.executeWithoutResult(status -> {
            Reason refusal = null;
            SupportRequest filed = null;
            try {
                SupportShares.Asked asked = SupportShares.asked(r);
                if (!asked.from().equals(fromNode)) throw new CodedArgumentException(Reason.of("authority.answer.not-theirs", asked.from(), fromNode));
                if (!asked.to().equals(nation)) throw new CodedArgumentException(Reason.of("authority.answer.not-ours", asked.to(), nation));
                LegalFacts.SupportKind kind = facts.kinds().stream().filter(k -> k.id().equals(asked.kind())).findFirst()
                        .orElseThrow(() -> new CodedArgumentException(Reason.of("authority.answer.kind", asked.kind())));
                LegalFacts.Region region = facts.regions().stream().filter(x -> x.id().equals(asked.region())).findFirst()
                        .orElseThrow(() -> new CodedArgumentException(Reason.of("authority.answer.region", asked.region())));
                LocalDate neededFrom = LocalDate.parse(asked.neededFrom()), neededTo = LocalDate.parse(asked.neededTo());
                Instant now = clock.instant();
                if (neededTo.isBefore(neededFrom) || ChronoUnit.DAYS.between(neededFrom, neededTo) > MAX_PERIOD_DAYS
                        || neededTo.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                    throw new CodedArgumentException(Reason.of("authority.answer.period", neededFrom.toString(), neededTo.toString()));
                }
                // an id of the asking node's space can only be one of its own requests (RecordIds): naming it reveals nothing
                if (!RecordIds.madeOn(r.id(), fromNode)) throw new CodedArgumentException(Reason.of("authority.answer.id-not-theirs", r.id(), fromNode));
                if (store.request(r.id()).isPresent()) throw new CodedArgumentException(Reason.of("authority.answer.id-taken", r.id()));
                Assessed a = assess(asked.from(), asked.to(), kind.id(), region);
                filed = new SupportRequest(r.id(), asked.from(), asked.to(), kind.id(), region.id(), neededFrom, neededTo, asked.description(),
                        a.outcome(), a.reason(), a.basis(), a.level(), asked.requestedBy(), now, null, null, null, asked.label(), fromNode, null);
            } catch (CodedArgumentException e) {
                refusal = e.reason();
            } catch (RuntimeException e) {
                refusal = Reason.of("authority.answer.malformed", String.valueOf(e.getMessage()));
            }
            if (filed == null) {
                events.publishEvent(PeerRequestAnswered.of(r.id(), fromNode, false,
                        refusal != null ? refusal : Reason.of("authority.answer.malformed", "")));
                return;
            }
            store.insert(filed, null, fromNode);
            if (filed.outcome() != SupportRequest.Outcome.PENDING_DECISION) {
                boolean allowed = filed.outcome() == SupportRequest.Outcome.ALLOWED;
                events.publishEvent(PeerRequestAnswered.of(r.id(), fromNode, allowed,
                        Reason.of(allowed ? "authority.answer.rule-allowed" : "authority.answer.rule-refused", nation, filed.level(), filed.region(),
                                filed.reason())));
            }
        });
    }

    /**
     * The decision of the node a request was sent to, kept with the request (who decided: that nation's node; why: its
     * reason, told in each reader's language where this node knows the code); a request that could not be sent is
     * checked here after all, as one for a nation whose node is not a peer.
     */
    synchronized void answered(PeerAnswerReceived a) {
        tx.executeWithoutResult(status -> {
            SupportRequest r = store.request(a.requestId()).orElse(null);
            String sentTo = store.sentTo(a.requestId()).orElse(null);
            if (r == null || sentTo == null || r.outcome() != SupportRequest.Outcome.PENDING_DECISION) return;
            Instant at = clock.instant();
            if (a.state().equals("not-sent")) {
                LegalFacts.Region region = region(r.region());
                Assessed x = assess(r.fromNation(), r.toNation(), r.kind(), region);
                store.decideHere(r.id(), x.outcome(), x.reason(), x.basis(), x.level());
                return;
            }
            SupportRequest.Outcome outcome = a.accepted() ? SupportRequest.Outcome.ALLOWED : SupportRequest.Outcome.REFUSED;
            String by = sentTo + " node";
            String note = a.reason() == null ? "" : a.reason();
            if (store.decidedThere(r.id(), outcome, by, at, note, a.reasonCode())) {
                audit.append(new AuditRecord(AuditRecord.Kind.APPROVAL, by, "authority/support-request/" + r.id(),
                        outcome == SupportRequest.Outcome.ALLOWED ? "allowed" : "refused", note, r.label(), at));
            }
        });
    }

    @Override
    public List<SupportRequest> supportRequests(Reader reader) {
        return readPath.readable(store.requests(), reader, AuthorityService::requestId, "authority/support-requests");
    }

    @Override
    public Optional<SupportRequest> supportRequest(String id, Reader reader) {
        return readPath.readable(store.request(id), reader, AuthorityService::requestId, "authority/support-request/" + id);
    }

    @Override
    public Optional<SupportRequest> decide(String id, SupportDecision d, KizunaUser user) {
        Optional<SupportRequest> found = supportRequest(id, user.reader());
        if (found.isEmpty()) return found;
        SupportRequest r = found.get();
        writes.authorize(user, Write.DECIDE_SUPPORT, r.toNation());
        Validation.check(validator, d);
        if (r.outcome() != SupportRequest.Outcome.PENDING_DECISION) {
            throw Problems.told(HttpStatus.CONFLICT, "Conflict", "authority.problem.not-pending", id, r.outcome().name());
        }
        String sentTo = store.sentTo(id).orElse(null);
        if (sentTo != null) throw Problems.told(HttpStatus.CONFLICT, "Conflict", "authority.problem.decided-there", id, sentTo);
        String fromNode = store.fromNode(id).orElse(null);
        SupportRequest.Outcome outcome = Boolean.TRUE.equals(d.allow()) ? SupportRequest.Outcome.ALLOWED : SupportRequest.Outcome.REFUSED;
        Instant at = clock.instant();
        String note = d.reason().strip();
        boolean decided = Boolean.TRUE.equals(tx.execute(status -> {
            if (!store.decide(id, outcome, user.username(), at, note)) return false;
            audit.append(new AuditRecord(AuditRecord.Kind.APPROVAL, user.username(), "authority/support-request/" + id,
                    outcome == SupportRequest.Outcome.ALLOWED ? "allowed" : "refused", note, r.label(), at));
            if (fromNode != null) {
                // a partner node's request: the decision goes back to it; the note stays here, under the request's label (an
                // answer's reason crosses as an unclassified part, so it says only who decided)
                events.publishEvent(PeerRequestAnswered.of(id, fromNode, outcome == SupportRequest.Outcome.ALLOWED,
                        Reason.of(outcome == SupportRequest.Outcome.ALLOWED ? "authority.answer.decided-allowed" : "authority.answer.decided-refused",
                                nation, user.username())));
            }
            return true;
        }));
        if (!decided) throw Problems.told(HttpStatus.CONFLICT, "Conflict", "authority.problem.decided", id);
        return store.request(id);
    }

    /** The level in force in a region now, as the node holds it (levels are public, so every reader would see the same). */
    private String levelNow(String region) {
        List<LevelSetting> all = store.levels(region);
        return all.isEmpty() ? PEACETIME : all.getLast().level();
    }

    private Label label(String text, KizunaUser user) {
        Label label = Label.parseField("label", text);
        if (label.banner().length() > JdbcAuthority.LABEL_LENGTH) {
            throw Problems.badRequest("authority.problem.label-length", String.valueOf(JdbcAuthority.LABEL_LENGTH));
        }
        Reason refusal = readPath.kernel().holdReason(label);
        if (refusal != null) throw Problems.badRequest("authority.problem.not-held", refusal);
        if (!readPath.kernel().mayRead(label, user.reader())) {
            throw Problems.badRequest("authority.problem.unreadable-label", label.banner());
        }
        return label;
    }

    private LegalFacts.Region region(String id) {
        return facts.regions().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> Problems.badRequest("authority.problem.region", id,
                        facts.regions().stream().map(LegalFacts.Region::id).collect(Collectors.joining(", "))));
    }

    private LegalFacts.Situation situation(String id) {
        return facts.situations().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> Problems.badRequest("authority.problem.level", id,
                        facts.situations().stream().map(LegalFacts.Situation::id).collect(Collectors.joining(", "))));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("authority.problem.date", field, text);
        }
    }

    /** A level setting's id on the read path. */
    private static String levelId(LevelSetting s) {
        return "authority/level/" + s.id();
    }

    /** A support request's id on the read path. */
    private static String requestId(SupportRequest r) {
        return "authority/support-request/" + r.id();
    }
}
