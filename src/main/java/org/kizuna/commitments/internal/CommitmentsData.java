package org.kizuna.commitments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kizuna.commitments.CommitmentChange;
import org.kizuna.commitments.CommitmentStatus;
import org.kizuna.commitments.Evidence;
import org.kizuna.commitments.Source;
import org.kizuna.console.ConsolePage;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeSettings;
import org.kizuna.registry.OrganizationView;
import org.kizuna.registry.Registry;
import org.kizuna.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The commitments page in the console, the commitments as a source of the node's search, and on every node (demo or
 * production) the public statements and commitments of {@code commitments/joint-statements.yaml}, loaded once at the
 * first start, as the registry loads its reference data (after the registry, whose organizations they name, checked
 * first: every organization exists and is of the owner nation, every source is known).
 */
@Configuration(proxyBeanMethods = false)
class CommitmentsData {

    private static final Logger log = LoggerFactory.getLogger(CommitmentsData.class);
    static final String REFERENCE_DATA = "reference data";

    @Bean
    ConsolePage commitmentsPage() {
        return new ConsolePage("/commitments/", "Commitments", 60);
    }

    @Bean
    SearchSource commitmentSearchSource(CommitmentService commitments) {
        return SearchSource.of("commitment", commitments::searchables);
    }

    @Bean
    @Order(25)
    ApplicationRunner commitmentsReferenceData(JdbcCommitments store, CommitmentService service, Registry registry, NodeSettings node,
            TransactionTemplate tx, Clock clock) {
        return (ApplicationArguments args) -> {
            // public facts, not demo content: every node holds them, loaded once (a node that holds statements is left as it is)
            if (store.count() > 0) return;
            ReferenceStatements data = ReferenceStatements.load();
            Reader asNode = Reader.highestOf(node.nation());
            check(data, registry, asNode, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            tx.executeWithoutResult(s -> {
                data.sources().forEach(store::insertSource);
                Map<String, Source> sources = store.sources();
                int count = 0;
                for (ReferenceStatements.StatementEntry st : data.statements()) {
                    store.insertStatement(st, Label.UNCLASSIFIED);
                    for (ReferenceStatements.CommitmentEntry c : st.commitments()) {
                        load(store, st, c, sources);
                        count++;
                    }
                }
                service.publishAll();
                log.info("commitments loaded from {}: {} statements, {} commitments", ReferenceStatements.RESOURCE, data.statements().size(), count);
            });
        };
    }

    /** Inserts a commitment as stated, then each step of its history, so its state is the last step's. */
    private static void load(JdbcCommitments store, ReferenceStatements.StatementEntry st, ReferenceStatements.CommitmentEntry c, Map<String, Source> sources) {
        Label label = c.label() == null ? Label.UNCLASSIFIED : Label.parse(c.label());
        LocalDate day = ReferenceStatements.day(st.date());
        store.insertCommitment(st.id(), c, label, day.atStartOfDay(ZoneOffset.UTC).toInstant());
        CommitmentStatus status = c.status();
        LocalDate deadline = c.deadline();
        Evidence evidence = null;
        store.record(c.id(), status, deadline, null, new CommitmentChange(day.atStartOfDay(ZoneOffset.UTC).toInstant(), st.date(), REFERENCE_DATA, null, status,
                deadline != null, null, deadline, null, "stated in " + st.title(), JdbcCommitments.sources(String.join(",", c.sources()), sources),
                c.verification()));
        for (ReferenceStatements.Step step : c.history() == null ? List.<ReferenceStatements.Step>of() : c.history()) {
            CommitmentStatus to = step.status() != null ? step.status() : status;
            LocalDate newDeadline = Boolean.TRUE.equals(step.noDeadline()) ? null : step.deadline() != null ? step.deadline() : deadline;
            Evidence newEvidence = step.evidence() != null ? new Evidence(step.evidence().text(), step.evidence().url()) : evidence;
            boolean deadlineChanged = !java.util.Objects.equals(newDeadline, deadline);
            store.record(c.id(), to, newDeadline, newEvidence,
                    new CommitmentChange(ReferenceStatements.day(step.date()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                            step.date(), REFERENCE_DATA, to != status ? status : null, to != status ? to : null, deadlineChanged,
                            deadlineChanged ? deadline : null,
                            deadlineChanged ? newDeadline : null, step.evidence() != null ? newEvidence : null, step.note(),
                            JdbcCommitments.sources(step.sources() == null ? null : String.join(",", step.sources()), sources), step.verification()));
            status = to;
            deadline = newDeadline;
            evidence = newEvidence;
        }
    }

    /** Fails with a message naming the entry when the data names an unknown source, or an organization the registry lacks or holds for another nation. */
    static void check(ReferenceStatements data, Registry registry, Reader asNode, LocalDate today) {
        Set<String> sources = new HashSet<>();
        data.sources().forEach(s -> sources.add(s.id()));
        Set<String> ids = new HashSet<>();
        for (ReferenceStatements.StatementEntry st : data.statements()) {
            require(ids.add(st.id()), "statement " + st.id() + " is listed twice");
            st.sources().forEach(s -> require(sources.contains(s), "statement " + st.id() + ": unknown source " + s));
            for (ReferenceStatements.CommitmentEntry c : st.commitments()) {
                String where = "commitment " + c.id();
                require(ids.add(c.id()), where + " is listed twice");
                c.sources().forEach(s -> require(sources.contains(s), where + ": unknown source " + s));
                if (c.history() != null) c.history().forEach(h -> {
                    if (h.sources() != null) h.sources().forEach(s -> require(sources.contains(s), where + ": unknown source " + s));
                });
                OrganizationView o = registry.organization(c.organization(), today, asNode)
                        .or(() -> registry.organization(c.organization(), ReferenceStatements.day(st.date()), asNode)).orElse(null);
                require(o != null, where + ": organization " + c.organization() + " is not in the registry");
                require(o == null || o.organization().nation().equals(c.owner()),
                        where + ": organization " + c.organization() + " is not an organization of the owner nation " + c.owner());
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalStateException(ReferenceStatements.RESOURCE + ": " + message);
    }

}
