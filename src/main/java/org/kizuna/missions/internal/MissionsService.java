package org.kizuna.missions.internal;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.missions.Analysis;
import org.kizuna.missions.Assignment;
import org.kizuna.missions.AssignmentEnd;
import org.kizuna.missions.MissionArea;
import org.kizuna.missions.MissionRegion;
import org.kizuna.missions.Missions;
import org.kizuna.missions.NewAssignment;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.node.Validation;
import org.kizuna.registry.Organization;
import org.kizuna.registry.OrganizationView;
import org.kizuna.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The roles-and-missions matrix. Every read goes through the read path as one audited query, and the analysis is
 * computed after the decision, from what the reader may read only. A recorded assignment names a registry
 * organization that exists on its first day and that the user may read; the write is authorized by {@link Writes}
 * for the organization's nation. Bad input is refused with a message naming the field and changes nothing.
 */
@Service
class MissionsService implements Missions {

    static final Function<Assignment, String> ID = a -> "missions/assignment/" + a.id();

    private final JdbcAssignments store;
    private final MissionsReference reference;
    private final Registry registry;
    private final ReadPath readPath;
    private final Writes writes;
    private final Validator validator;
    private final Clock clock;

    MissionsService(JdbcAssignments store, MissionsReference reference, Registry registry, ReadPath readPath, Writes writes, Validator validator,
            Clock clock) {
        this.store = store;
        this.reference = reference;
        this.registry = registry;
        this.readPath = readPath;
        this.writes = writes;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public List<MissionArea> areas() {
        return reference.areas();
    }

    @Override
    public List<MissionRegion> regions() {
        return reference.regions();
    }

    @Override
    public List<Assignment> assignments(LocalDate asOf, Reader reader) {
        return readPath.readable(store.validOn(asOf), reader, ID, "missions/assignments@" + asOf);
    }

    @Override
    public Optional<Assignment> assignment(String id, Reader reader) {
        return readPath.readable(store.find(id), reader, ID, "missions/assignment/" + id);
    }

    @Override
    public Analysis analysis(LocalDate asOf, @Nullable LocalDate since, Reader reader) {
        if (since != null && !since.isBefore(asOf)) {
            throw Problems.badRequest("missions.problem.since", asOf.toString(), since.toString());
        }
        List<Assignment> readable;
        // one query for the whole answer: the audit trail grows alike whatever the matrix holds
        try (ReadPath.Query q = readPath.query(reader, "missions/analysis@" + asOf + (since == null ? "" : " since=" + since))) {
            readable = q.readable(since == null ? store.validOn(asOf) : store.validOnOrChangedBetween(since, asOf), ID);
        }
        return analyse(reference.areas(), reference.regions(), readable, asOf, since);
    }

    /** The analysis of the given (already decided) assignments; nothing else is looked at. */
    static Analysis analyse(List<MissionArea> areas, List<MissionRegion> regions, List<Assignment> readable, LocalDate asOf,
            @Nullable LocalDate since) {
        Map<String, List<Assignment>> byCell = new LinkedHashMap<>();
        for (Assignment a : readable) {
            if (a.validity().contains(asOf)) byCell.computeIfAbsent(a.area() + "|" + a.region(), k -> new ArrayList<>()).add(a);
        }
        List<Analysis.Cell> cells = new ArrayList<>();
        List<Analysis.Finding> gaps = new ArrayList<>();
        List<Analysis.Finding> duplications = new ArrayList<>();
        for (MissionArea area : areas) {
            for (MissionRegion region : regions) {
                List<Assignment> in = byCell.getOrDefault(area.id() + "|" + region.id(), List.of());
                List<Assignment> leads = in.stream().filter(a -> a.role() == Assignment.Role.LEAD).toList();
                List<Analysis.Finding> found = new ArrayList<>();
                if (leads.stream().map(Assignment::organization).distinct().count() > 1) {
                    found.add(new Analysis.Finding(Analysis.Kind.TWO_LEADS, area.id(), region.id(),
                            area.name() + " in " + region.name() + " has " + leads.size() + " leads: "
                                    + leads.stream().map(a -> a.organization() + " (" + a.nation() + ")").collect(Collectors.joining(", ")),
                            leads.stream().map(Assignment::id).toList()));
                }
                Map<String, List<Assignment>> byTask = new LinkedHashMap<>();
                for (Assignment a : in) {
                    if (a.task() != null && !a.task().isBlank()) {
                        byTask.computeIfAbsent(a.task().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
                    }
                }
                for (List<Assignment> onTask : byTask.values()) {
                    boolean nations = onTask.stream().map(Assignment::nation).distinct().count() > 1;
                    boolean undivided = onTask.stream().anyMatch(a -> a.division() == null || a.division().isBlank());
                    if (nations && undivided) {
                        found.add(new Analysis.Finding(Analysis.Kind.UNDIVIDED_TASK, area.id(), region.id(),
                                area.name() + " in " + region.name() + ": forces of "
                                        + onTask.stream().map(Assignment::nation).distinct().sorted().collect(Collectors.joining(" and "))
                                        + " on the task '" + onTask.getFirst().task() + "' with no division recorded",
                                onTask.stream().map(Assignment::id).toList()));
                    }
                }
                Analysis.Coverage coverage;
                if (leads.isEmpty()) {
                    coverage = Analysis.Coverage.GAP;
                    gaps.add(new Analysis.Finding(Analysis.Kind.GAP, area.id(), region.id(), area.name() + " in " + region.name() + " has no lead"
                            + (in.isEmpty() ? "" : " (" + in.size() + " supporting or supported)"), in.stream().map(Assignment::id).toList()));
                } else {
                    coverage = found.isEmpty() ? Analysis.Coverage.COVERED : Analysis.Coverage.DUPLICATED;
                }
                duplications.addAll(found);
                cells.add(new Analysis.Cell(area.id(), region.id(), coverage, List.copyOf(in)));
            }
        }
        List<Analysis.Change> changes = new ArrayList<>();
        if (since != null) {
            for (Assignment a : readable) {
                LocalDate from = a.validity().from(), to = a.validity().to();
                if (from != null && from.isAfter(since) && !from.isAfter(asOf)) changes.add(new Analysis.Change("BEGAN", from, a));
                if (to != null && to.isAfter(since) && !to.isAfter(asOf)) changes.add(new Analysis.Change("ENDED", to, a));
            }
            changes.sort(Comparator.comparing(Analysis.Change::day).thenComparing(c -> c.assignment().id()));
        }
        return new Analysis(asOf, since, areas, regions, cells, gaps, duplications, changes);
    }

    @Override
    public Assignment record(NewAssignment n, KizunaUser user) {
        // the role first (it depends on nothing else); the nation once the organization is found among what the user may read
        writes.authorize(user, Write.RECORD_MISSION, user.nation());
        Validation.check(validator, n);
        if (reference.areas().stream().noneMatch(a -> a.id().equals(n.area()))) {
            throw Problems.badRequest("missions.problem.area", n.area(),
                    reference.areas().stream().map(MissionArea::id).collect(Collectors.joining(", ")));
        }
        if (reference.regions().stream().noneMatch(r -> r.id().equals(n.region()))) {
            throw Problems.badRequest("missions.problem.region", n.region(),
                    reference.regions().stream().map(MissionRegion::id).collect(Collectors.joining(", ")));
        }
        LocalDate from = date("validFrom", n.validFrom());
        LocalDate to = n.validTo() == null ? null : date("validTo", n.validTo());
        if (to != null && !to.isAfter(from)) {
            throw Problems.badRequest("missions.problem.valid-to", from.toString(), to.toString());
        }
        Label label = Label.parseField("label", n.label());
        if (label.banner().length() > JdbcAssignments.LABEL_LENGTH) {
            throw Problems.badRequest("missions.problem.label-length", String.valueOf(JdbcAssignments.LABEL_LENGTH));
        }
        Reason refusal = readPath.kernel().holdReason(label);
        if (refusal != null) throw Problems.badRequest("missions.problem.not-held", refusal);
        if (!readPath.kernel().mayRead(label, user.reader())) {
            throw Problems.badRequest("missions.problem.unreadable-label", label.banner());
        }
        OrganizationView view = registry.organization(n.organization(), from, user.reader())
                .orElseThrow(() -> Problems.badRequest("missions.problem.organization", n.organization(), from.toString()));
        Organization o = view.organization();
        writes.authorize(user, Write.RECORD_MISSION, o.nation());
        covers(label, o.label(), o.id());
        Assignment a = new Assignment("MA-" + UUID.randomUUID().toString().substring(0, 8), n.area(), n.region(), o.id(), o.nation(),
                Assignment.Role.valueOf(n.role()), blankToNull(n.task()), blankToNull(n.division()), new Organization.Validity(from, to),
                new Organization.Provenance(List.of(), "recorded", blankToNull(n.note())), user.username(), label, null);
        store.insert(a, clock.instant());
        return a;
    }

    @Override
    public Optional<Assignment> end(String id, AssignmentEnd end, KizunaUser user) {
        // found among what the user may read first (404 alike for an unreadable and a missing one), then the write matrix
        Optional<Assignment> found = assignment(id, user.reader());
        if (found.isEmpty()) return found;
        Assignment a = found.get();
        writes.authorize(user, Write.RECORD_MISSION, a.nation());
        Validation.check(validator, end);
        LocalDate to = date("validTo", end.validTo());
        LocalDate from = a.validity().from();
        if (from != null && !to.isAfter(from)) {
            throw Problems.badRequest("missions.problem.end", from.toString(), to.toString());
        }
        Assignment.Ended ended = new Assignment.Ended(user.username(), clock.instant(), blankToNull(end.note()));
        if (!store.end(id, to, ended)) return Optional.empty();
        // the answer is built from what the user already read: one audited read per request
        return Optional.of(new Assignment(a.id(), a.area(), a.region(), a.organization(), a.nation(), a.role(), a.task(), a.division(),
                new Organization.Validity(from, to), a.provenance(), a.recordedBy(), a.label(), ended));
    }

    /** Whoever may read the assignment sees the organization it names, so the label must cover the organization's. */
    private void covers(Label assignment, Label named, String organization) {
        boolean unrestricted = named.level().rank() == 0 && named.controls().isEmpty() && !named.isNoforn() && !named.hasReleasabilityList()
                && named.permissiveTags().isEmpty() && named.communities().isEmpty();
        if (!unrestricted && !named.equals(assignment) && !readPath.kernel().dominates(assignment, named)) {
            throw Problems.badRequest("missions.problem.covers", assignment.banner(), organization, named.banner());
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("missions.problem.date", field, text);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
