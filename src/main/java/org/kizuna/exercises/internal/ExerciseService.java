package org.kizuna.exercises.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.Bookings;
import org.kizuna.booking.NewRequest;
import org.kizuna.exercises.ConferenceTimes;
import org.kizuna.exercises.Exercise;
import org.kizuna.exercises.ExerciseView;
import org.kizuna.exercises.Exercises;
import org.kizuna.exercises.Inject;
import org.kizuna.exercises.Issue;
import org.kizuna.exercises.Lesson;
import org.kizuna.exercises.NewExercise;
import org.kizuna.exercises.NewInject;
import org.kizuna.exercises.NewIssue;
import org.kizuna.exercises.NewLesson;
import org.kizuna.exercises.NewObservation;
import org.kizuna.exercises.NewProduct;
import org.kizuna.exercises.Observation;
import org.kizuna.exercises.Product;
import org.kizuna.exercises.Series;
import org.kizuna.exercises.Template;
import org.kizuna.federation.Offers;
import org.kizuna.federation.RecordIds;
import org.kizuna.federation.Replicas;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.node.Transactions;
import org.kizuna.node.Validation;
import org.kizuna.registry.Nation;
import org.kizuna.registry.Organization;
import org.kizuna.registry.Registry;
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
import org.springframework.web.ErrorResponseException;

/**
 * Exercises and their records. Reads: one audited query of the read path per call; an exercise the reader may not read
 * is empty like one that does not exist, and every record of it is read only with it. Writes: the exercise is found
 * among what the user may read (else 404), then {@link Writes} authorizes {@link Write#PLAN_EXERCISE} for a participating
 * nation (else 403), then the input is checked (else 400) and the state (else 409); a refused write changes nothing.
 * "Now" is the node's {@link Clock}; the registry is asked about the clock's UTC day. An exercise planned through this
 * node's API is published for its partners' nodes after every write ({@link ShareableChanged}); they keep it as a
 * read-only replica, on which every write is refused (403 "Read-only replica").
 */
@Service
@EnableConfigurationProperties(ExercisesSettings.class)
class ExerciseService implements Exercises {

    private static final Logger log = LoggerFactory.getLogger(ExerciseService.class);

    private final JdbcExercises store;
    private final Registry registry;
    private final Bookings bookings;
    private final UserDirectory users;
    private final ReadPath readPath;
    private final Writes writes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExercisesSettings settings;
    private final Validator validator;
    private final Reader node;
    private final String nation;
    private final TransactionTemplate requiresNew;

    ExerciseService(JdbcExercises store, Registry registry, Bookings bookings, UserDirectory users, ReadPath readPath, Writes writes,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, ExercisesSettings settings, Validator validator, NodeSettings node) {
        this.store = store;
        this.registry = registry;
        this.bookings = bookings;
        this.users = users;
        this.readPath = readPath;
        this.writes = writes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.validator = validator;
        // zones of the units and nations of an exercise the reader may read, looked up as the node (the exercise's label covers them)
        this.nation = node.nation();
        this.node = Reader.highestOf(nation);
        this.requiresNew = Transactions.requiresNew(tx);
    }

    static String ref(Exercise e) {
        return "exercise/" + e.id();
    }

    static ErrorResponseException notFound(String id) {
        return Problems.told(HttpStatus.NOT_FOUND, "Not found", "exercises.problem.not-found", id);
    }

    static ErrorResponseException notFound(String what, String id, String exercise) {
        return Problems.told(HttpStatus.NOT_FOUND, "Not found", "exercises.problem.not-found-in", Problems.part("exercises.problem.what." + what),
                id, exercise);
    }

    static ErrorResponseException conflict(String title, String code, Object... args) {
        return Problems.told(HttpStatus.CONFLICT, title, code, args);
    }

    // ---- reads

    @Override
    public List<Series> series(Reader reader) {
        return readPath.readable(store.series(), reader, s -> "exercise-series/" + s.id(), "exercises/series");
    }

    @Override
    public List<Exercise> exercises(@Nullable String series, Reader reader) {
        List<Exercise> all = store.exercises().stream().filter(e -> series == null || e.series().equals(series)).toList();
        return readPath.readable(all, reader, ExerciseService::ref, "exercises" + (series == null ? "" : "?series=" + series));
    }

    @Override
    public Optional<ExerciseView> find(String id, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + id)) {
            Optional<Exercise> e = q.readable(store.exercise(id), ExerciseService::ref);
            if (e.isEmpty()) return Optional.empty();
            List<Product> products = q.readable(store.products(id), p -> "exercise-product/" + p.id());
            List<Inject> injects = q.readable(store.injects(id), i -> "exercise-inject/" + i.id());
            long played = injects.stream().filter(i -> i.playedAt() != null).count();
            long observations = q.readable(store.observations(id), o -> "exercise-observation/" + o.id()).size();
            long issues = q.readable(store.issues(id), i -> "exercise-issue/" + i.id()).size();
            long lessons = q.readable(store.lessons(id), l -> "exercise-lesson/" + l.id()).size();
            String originator = store.held(id).map(JdbcExercises.Held::replicaOf).orElse(null);
            return Optional.of(new ExerciseView(e.get(), products, injects.size(), played, observations, issues, lessons, originator));
        }
    }

    @Override
    public Optional<List<Inject>> injects(String exercise, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + exercise + "/injects")) {
            return q.readable(store.exercise(exercise), ExerciseService::ref).map(e -> q.readable(store.injects(exercise), i -> "exercise-inject/" + i.id()));
        }
    }

    @Override
    public Optional<Inject> inject(String exercise, String inject, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + exercise + "/injects/" + inject)) {
            if (q.readable(store.exercise(exercise), ExerciseService::ref).isEmpty()) return Optional.empty();
            return q.readable(store.inject(exercise, inject), i -> "exercise-inject/" + i.id());
        }
    }

    @Override
    public Optional<List<Observation>> observations(String exercise, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + exercise + "/observations")) {
            return q.readable(store.exercise(exercise), ExerciseService::ref)
                    .map(e -> q.readable(store.observations(exercise), o -> "exercise-observation/" + o.id()));
        }
    }

    @Override
    public Optional<List<Issue>> issues(String exercise, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + exercise + "/issues")) {
            return q.readable(store.exercise(exercise), ExerciseService::ref).map(e -> q.readable(store.issues(exercise), i -> "exercise-issue/" + i.id()));
        }
    }

    @Override
    public Optional<List<Lesson>> lessons(String exercise, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + exercise + "/lessons")) {
            return q.readable(store.exercise(exercise), ExerciseService::ref).map(e -> q.readable(store.lessons(exercise), l -> "exercise-lesson/" + l.id()));
        }
    }

    @Override
    public Optional<List<Lesson>> seriesLessons(String series, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "exercises/series/" + series + "/lessons")) {
            if (q.readable(store.series(series), s -> "exercise-series/" + s.id()).isEmpty()) return Optional.empty();
            List<Exercise> of = store.exercises().stream().filter(e -> e.series().equals(series)).toList();
            Set<String> readable = q.readable(of, ExerciseService::ref).stream().map(Exercise::id).collect(Collectors.toSet());
            List<Lesson> lessons = store.seriesLessons(series).stream().filter(l -> readable.contains(l.exercise())).toList();
            return Optional.of(q.readable(lessons, l -> "exercise-lesson/" + l.id()));
        }
    }

    @Override
    public Optional<ConferenceTimes> conferenceTimes(String exercise, LocalDate date, ZoneId calendar, int days, int hours, Reader reader) {
        if (hours < 1 || hours > 8) throw Problems.badRequest("exercises.problem.hours", String.valueOf(hours));
        if (days < 1 || days > 14) throw Problems.badRequest("exercises.problem.days", String.valueOf(days));
        if (date.getYear() < 2000 || date.getYear() > 2100) throw Problems.badRequest("exercises.problem.date", date.toString());
        Optional<Exercise> found;
        try (ReadPath.Query q = readPath.query(reader, "exercises/" + exercise + "/conference-times")) {
            found = q.readable(store.exercise(exercise), ExerciseService::ref);
        }
        if (found.isEmpty()) return Optional.empty();
        Exercise e = found.get();
        Map<String, String> zones = registry.nations(node).stream().collect(Collectors.toMap(Nation::code, Nation::zone));
        Map<String, Organization> units = new LinkedHashMap<>();
        if (!e.units().isEmpty()) {
            for (Organization o : registry.organizations(date, node)) units.put(o.id(), o);
        }
        List<ConferenceTimes.Participant> participants = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String n : e.nations()) {
            String zone = zones.get(n);
            if (zone == null) left.add(n);
            else participants.add(new ConferenceTimes.Participant(n, n + " national staff", zone, ConferenceFinder.city(zone)));
        }
        for (String u : e.units()) {
            Organization o = units.get(u);
            if (o == null) left.add(u);
            else participants.add(new ConferenceTimes.Participant(u, o.abbreviation(), o.zone(), ConferenceFinder.city(o.zone())));
        }
        participants = ConferenceFinder.ordered(participants, date.atStartOfDay(calendar).toInstant());
        return Optional.of(ConferenceFinder.find(e.id(), participants, left, date, calendar, days, hours, settings.workdayStart(), settings.workdayEnd(),
                settings.maxSlots()));
    }

    // ---- writes

    /** Finds the exercise among what the user may read (404), authorizes the write (403), and runs the change in one transaction. */
    private synchronized <T> T write(String id, KizunaUser user, String asked, BiFunction<Exercise, ReadPath.Query, T> change) {
        writes.authorize(user, Write.PLAN_EXERCISE, user.nation()); // the role first; the nation once the exercise is found
        try (ReadPath.Query q = readPath.query(user.reader(), asked)) {
            Exercise e = q.readable(store.exercise(id), ExerciseService::ref).orElseThrow(() -> notFound(id));
            writes.authorize(user, Write.PLAN_EXERCISE, e.nations().contains(user.nation()) ? user.nation() : String.join(", ", e.nations()));
            String replicaOf = store.held(id).map(JdbcExercises.Held::replicaOf).orElse(null);
            if (replicaOf != null) {
                throw Problems.told(HttpStatus.FORBIDDEN, "Read-only replica", "exercises.problem.read-only", id, replicaOf);
            }
            return Objects.requireNonNull(tx.execute(s -> {
                T done = change.apply(e, q);
                share(id);
                return done;
            }));
        }
    }

    private <T> void valid(T input) {
        Validation.check(validator, input, ExerciseService::violation);
    }

    private static String violation(ConstraintViolation<?> v) {
        return v.getPropertyPath().toString().replaceAll("\\[[^]]*]", "").replaceAll("<[^>]*>", "").replaceAll("\\.$", "") + ": " + v.getMessage();
    }

    /** The label a user writes a record under: well formed, fits its column, and one the user may read. */
    private Label label(String marking, KizunaUser user) {
        Label label = Label.parseField("label", marking);
        if (label.banner().length() > JdbcExercises.LABEL_LENGTH) {
            throw Problems.badRequest("exercises.problem.label-length", String.valueOf(JdbcExercises.LABEL_LENGTH));
        }
        if (!readPath.kernel().mayRead(label, user.reader())) {
            throw Problems.badRequest("exercises.problem.unreadable-label", label.banner());
        }
        return label;
    }

    /** Whoever may read {@code record} must be able to read {@code named}: the record's label must cover it. */
    private void covers(Label record, Label named, Object what) {
        boolean unrestricted = named.level().rank() == 0 && named.controls().isEmpty() && !named.isNoforn() && !named.hasReleasabilityList()
                && named.permissiveTags().isEmpty() && named.communities().isEmpty();
        if (!unrestricted && !named.equals(record) && !readPath.kernel().dominates(record, named)) {
            throw Problems.badRequest("exercises.problem.covers", record.banner(), what, named.banner());
        }
    }

    private void bound(String table, String exercise, String what) {
        if (store.count(table, exercise) >= settings.maxPerExercise()) {
            throw conflict("Limit reached", "exercises.problem.limit", String.valueOf(settings.maxPerExercise()),
                    Problems.part("exercises.problem.records." + what));
        }
    }

    /** A new id in this node's space: an exercise and its records travel to partners' nodes under their ids (RecordIds). */
    private String newId(String prefix) {
        return RecordIds.next(prefix, nation);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Override
    public synchronized Exercise create(NewExercise x, KizunaUser planner) {
        writes.authorize(planner, Write.PLAN_EXERCISE, planner.nation());
        valid(x);
        Reader reader = planner.reader();
        Series series = readPath.readable(store.series(x.series()), reader, s -> "exercise-series/" + s.id(), "exercises/series/" + x.series())
                .orElseThrow(() -> Problems.badRequest("exercises.problem.series", x.series()));
        List<String> nations = x.nations();
        if (new HashSet<>(nations).size() != nations.size()) throw Problems.badRequest("exercises.problem.nation-twice");
        Set<String> known = registry.nations(node).stream().map(Nation::code).collect(Collectors.toSet());
        for (String n : nations) {
            if (!known.contains(n)) throw Problems.badRequest("exercises.problem.nation", n);
        }
        // a planner plans only exercises of the planner's own nation
        if (!nations.contains(planner.nation())) writes.authorize(planner, Write.PLAN_EXERCISE, String.join(", ", nations));
        Label label = label(x.label(), planner);
        covers(label, series.label(), Problems.part("exercises.problem.what.series", series.id()));
        List<String> units = x.units() == null ? List.of() : x.units();
        if (new HashSet<>(units).size() != units.size()) throw Problems.badRequest("exercises.problem.unit-twice");
        if (!units.isEmpty()) {
            Map<String, Organization> readable = new LinkedHashMap<>();
            for (Organization o : registry.organizations(today(), reader)) readable.put(o.id(), o);
            for (String u : units) {
                Organization o = readable.get(u);
                if (o == null) throw Problems.badRequest("exercises.problem.unit", u);
                if (!nations.contains(o.nation())) {
                    throw Problems.badRequest("exercises.problem.unit-nation", u, o.nation());
                }
                covers(label, o.label(), Problems.part("exercises.problem.what.unit", u));
            }
        }
        Map<String, String> leads = x.leadPlanners() == null ? Map.of() : x.leadPlanners();
        for (Map.Entry<String, String> lead : leads.entrySet()) {
            if (!nations.contains(lead.getKey())) {
                throw Problems.badRequest("exercises.problem.lead-nation", lead.getKey());
            }
            if (users.find(lead.getValue()).filter(u -> u.nation().equals(lead.getKey())).isEmpty()) {
                throw Problems.badRequest("exercises.problem.lead-user", lead.getValue(), lead.getKey());
            }
        }
        if (x.start() != null && x.end() != null && x.end().isBefore(x.start())) {
            throw Problems.badRequest("exercises.problem.end");
        }
        Template template = x.template() == null ? Template.JOINT : x.template();
        Map<String, NewExercise.StageDates> dates = new LinkedHashMap<>();
        for (NewExercise.StageDates d : x.stageDates() == null ? List.<NewExercise.StageDates>of() : x.stageDates()) {
            if (template.stage(d.stage()).isEmpty()) {
                throw Problems.badRequest("exercises.problem.stage-dates", d.stage(), template.name(),
                        template.stages().stream().map(Template.StageDefinition::id).collect(Collectors.joining(", ")));
            }
            if (d.end().isBefore(d.start())) throw Problems.badRequest("exercises.problem.stage-order", d.stage());
            if (dates.put(d.stage(), d) != null) throw Problems.badRequest("exercises.problem.stage-twice", d.stage());
        }
        List<Exercise.Stage> stages = new ArrayList<>();
        int ordinal = 0;
        for (Template.StageDefinition s : template.stages()) {
            NewExercise.StageDates d = dates.get(s.id());
            stages.add(new Exercise.Stage(s.id(), s.title(), ordinal++, s.requiredProducts(), d == null ? null : d.start(), d == null ? null : d.end(),
                    null, null));
        }
        Exercise e = new Exercise(newId("EX"), series.id(), x.name().strip(), template, nations, units, x.domains() == null ? List.of() : x.domains(),
                x.objectives() == null ? List.of() : x.objectives(), leads, x.start(), x.end(), null, null, List.of(), null, label, planner.username(),
                stages, stages.getFirst().id());
        tx.executeWithoutResult(s -> {
            store.insertExercise(e, clock.instant());
            store.markShared(e.id());
            share(e.id());
        });
        return store.exercise(e.id()).orElseThrow();
    }

    @Override
    public Product addProduct(String exercise, NewProduct p, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/products", (e, q) -> {
            valid(p);
            Exercise.Stage stage = stage(e, p.stage());
            if (!e.template().productKinds().contains(p.kind())) {
                throw Problems.badRequest("exercises.problem.product-kind", p.kind(), e.template().name(),
                        String.join(", ", e.template().productKinds()));
            }
            if (stage.closed()) throw conflict("Stage closed", "exercises.problem.stage-closed-products", stage.id());
            Label label = label(p.label(), planner);
            bound("exercise_product", e.id(), "products");
            Product product = new Product(newId("PR"), e.id(), stage.id(), p.kind(), p.title().strip(), p.text(), null, label, planner.username(),
                    clock.instant());
            store.insertProduct(product);
            return product;
        });
    }

    private static Exercise.Stage stage(Exercise e, String id) {
        return e.stages().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> Problems.badRequest("exercises.problem.stage", id, e.id(),
                        e.stages().stream().map(Exercise.Stage::id).collect(Collectors.joining(", "))));
    }

    @Override
    public Exercise closeStage(String exercise, String stageId, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/stages/" + stageId + "/close", (e, q) -> {
            Exercise.Stage stage = stage(e, stageId);
            if (stage.closed()) throw conflict("Stage closed", "exercises.problem.stage-closed", stage.id());
            if (!stage.id().equals(e.currentStage())) {
                throw conflict("Stage not closed", "exercises.problem.stage-order-close", String.valueOf(e.currentStage()), stage.id());
            }
            // the products the closer may read: a product the closer cannot see does not count, and nothing says it exists
            Set<String> present = q.readable(store.products(e.id()), p -> "exercise-product/" + p.id()).stream()
                    .filter(p -> p.stage().equals(stage.id())).map(Product::kind).collect(Collectors.toSet());
            List<String> missing = stage.requiredProducts().stream().filter(k -> !present.contains(k)).toList();
            if (!missing.isEmpty()) {
                throw conflict("Stage not closed", "exercises.problem.missing-products", stage.id(),
                        Problems.part("exercises.stage." + e.template().name() + "." + stage.id()), String.join(", ", missing));
            }
            store.closeStage(e.id(), stage.id(), clock.instant(), planner.username());
            return store.exercise(e.id()).orElseThrow();
        });
    }

    @Override
    public Product requestFacility(String exercise, NewRequest r, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/facility-requests", (e, q) -> {
            if (!e.units().contains(r.unit())) {
                throw e.units().isEmpty()
                        ? Problems.badRequest("exercises.problem.request-unit-none", r.unit(), e.id())
                        : Problems.badRequest("exercises.problem.request-unit", r.unit(), e.id(), String.join(", ", e.units()));
            }
            Exercise.Stage stage = e.stages().stream().filter(s -> !s.closed() && s.requiredProducts().contains("facility-requests")).findFirst()
                    .or(() -> e.stages().stream().filter(s -> !s.closed()).findFirst())
                    .orElseThrow(() -> conflict("Stage closed", "exercises.problem.all-closed", e.id()));
            bound("exercise_product", e.id(), "products");
            // the booking module checks, authorizes and plans the request as it does any planner's
            BookingRequest b = bookings.submit(r, planner);
            String title = "Facility request " + b.id() + ": " + String.join(" or ", b.facilities()) + " for " + b.unit();
            String text = b.state() + (b.facility() != null ? " at " + b.facility() + " from " + b.start() : "")
                    + (b.reason() != null ? "; " + b.reason() : "");
            Product product = new Product(newId("PR"), e.id(), stage.id(), "facility-requests", title, text, b.id(), b.label(), planner.username(),
                    clock.instant());
            store.insertProduct(product);
            return product;
        });
    }

    @Override
    public Inject addInject(String exercise, NewInject x, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/injects", (e, q) -> {
            valid(x);
            if (afterExecution(e)) throw conflict("Stage closed", "exercises.problem.msel-closed", e.id());
            Label label = label(x.label(), planner);
            bound("exercise_inject", e.id(), "injects");
            Inject inject = new Inject(newId("IN"), e.id(), x.at(), planner.nation(), planner.username(), x.audience().strip(), x.expectedAction().strip(),
                    x.text(), label, null, null);
            store.insertInject(inject, clock.instant());
            return inject;
        });
    }

    private static boolean afterExecution(Exercise e) {
        return e.stages().stream().anyMatch(s -> s.id().equals(Template.EXECUTION) && s.closed());
    }

    private static void duringExecution(Exercise e, String what) {
        if (!Template.EXECUTION.equals(e.currentStage())) {
            String stage = e.currentStage();
            throw stage == null
                    ? conflict("Not in execution", "exercises.problem.not-executing-closed", Problems.part("exercises.problem.during." + what), e.id())
                    : conflict("Not in execution", "exercises.problem.not-executing", Problems.part("exercises.problem.during." + what), e.id(), stage);
        }
    }

    @Override
    public Inject play(String exercise, String injectId, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/injects/" + injectId + "/play", (e, q) -> {
            Inject inject = q.readable(store.inject(e.id(), injectId), i -> "exercise-inject/" + i.id())
                    .orElseThrow(() -> notFound("inject", injectId, e.id()));
            duringExecution(e, "play");
            if (inject.playedAt() != null) throw conflict("Already played", "exercises.problem.played", inject.id(), String.valueOf(inject.playedAt()));
            store.play(inject.id(), clock.instant(), planner.username());
            return store.inject(e.id(), inject.id()).orElseThrow();
        });
    }

    @Override
    public Observation observe(String exercise, NewObservation x, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/observations", (e, q) -> {
            valid(x);
            String inject = x.inject();
            if (inject != null && q.readable(store.inject(e.id(), inject), i -> "exercise-inject/" + i.id()).isEmpty()) {
                throw Problems.badRequest("exercises.problem.inject", inject, e.id());
            }
            duringExecution(e, "observe");
            Label label = label(x.label(), planner);
            bound("exercise_observation", e.id(), "observations");
            Observation o = new Observation(newId("OB"), e.id(), inject, x.text(), planner.nation(), planner.username(), clock.instant(), label);
            store.insertObservation(o);
            return o;
        });
    }

    @Override
    public Issue raiseIssue(String exercise, String observation, NewIssue x, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/observations/" + observation + "/issues", (e, q) -> {
            Observation o = q.readable(store.observations(e.id()).stream().filter(b -> b.id().equals(observation)).findFirst(),
                    b -> "exercise-observation/" + b.id()).orElseThrow(() -> notFound("observation", observation, e.id()));
            valid(x);
            Label label = label(x.label(), planner);
            bound("exercise_issue", e.id(), "issues");
            Issue issue = new Issue(newId("IS"), e.id(), o.id(), x.title().strip(), x.text(), label, planner.username(), clock.instant());
            store.insertIssue(issue);
            return issue;
        });
    }

    @Override
    public Lesson recordLesson(String exercise, String issueId, NewLesson x, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/issues/" + issueId + "/lessons", (e, q) -> {
            Issue issue = q.readable(store.issues(e.id()).stream().filter(b -> b.id().equals(issueId)).findFirst(), b -> "exercise-issue/" + b.id())
                    .orElseThrow(() -> notFound("issue", issueId, e.id()));
            valid(x);
            KizunaUser owner = users.find(x.owner()).filter(u -> e.nations().contains(u.nation())).orElseThrow(
                    () -> Problems.badRequest("exercises.problem.owner", x.owner(), String.join(", ", e.nations())));
            Label label = label(x.label(), planner);
            // a lesson is found by search for the next exercise: whoever may read it must be able to read its exercise
            covers(label, e.label(), Problems.part("exercises.problem.what.exercise", e.id()));
            bound("exercise_lesson", e.id(), "lessons");
            Lesson lesson = new Lesson(newId("LE"), e.id(), e.series(), issue.id(), x.title().strip(), x.text(), owner.username(), owner.nation(),
                    x.status() == null ? Lesson.Status.OPEN : x.status(), label, planner.username(), clock.instant());
            store.insertLesson(lesson);
            events.publishEvent(new SearchableChanged(searchable(lesson)));
            return lesson;
        });
    }

    @Override
    public Lesson setLessonStatus(String exercise, String lessonId, Lesson.Status status, KizunaUser planner) {
        return write(exercise, planner, "exercises/" + exercise + "/lessons/" + lessonId + "/status", (e, q) -> {
            Lesson lesson = q.readable(store.lessons(e.id()).stream().filter(b -> b.id().equals(lessonId)).findFirst(), b -> "exercise-lesson/" + b.id())
                    .orElseThrow(() -> notFound("lesson", lessonId, e.id()));
            store.setLessonStatus(lesson.id(), status, clock.instant());
            Lesson changed = store.lessons(e.id()).stream().filter(b -> b.id().equals(lessonId)).findFirst().orElseThrow();
            events.publishEvent(new SearchableChanged(searchable(changed)));
            return changed;
        });
    }

    // ---- federation

    /**
     * Offers a newly admitted peer every exercise this node shares, at its share version now (not raised), for that peer
     * only: federation guards each for the peer and queues what it was not sent at that version ({@link Offers}).
     */
    void offerTo(String peer) {
        int n = Offers.offer(requiresNew, events, peer, store::ownSharedIds, id -> {
            JdbcExercises.Held held = store.held(id).orElse(null);
            if (held == null || !held.shared() || held.replicaOf() != null || held.shareVersion() < 1) return Optional.empty();
            Exercise e = store.exercise(id).orElseThrow();
            ExerciseShares.Records r = new ExerciseShares.Records(e, held.createdAt(), store.products(id), store.injects(id), store.observations(id),
                    store.issues(id), store.lessons(id));
            return Optional.of(ExerciseShares.shareable(r, nation, held.shareVersion()));
        });
        log.info("exercises: offered {} exercise(s) to the newly admitted peer {}", n, peer);
    }

    /** Publishes an exercise this node shares (one planned through its API) for the partners' nodes, in the caller's transaction. */
    private void share(String id) {
        JdbcExercises.Held held = store.held(id).orElse(null);
        if (held == null || !held.shared() || held.replicaOf() != null) return;
        Exercise e = store.exercise(id).orElseThrow();
        ExerciseShares.Records r = new ExerciseShares.Records(e, held.createdAt(), store.products(id), store.injects(id), store.observations(id),
                store.issues(id), store.lessons(id));
        events.publishEvent(new ShareableChanged(ExerciseShares.shareable(r, nation, store.bumpShareVersion(id))));
    }

    /**
     * Keeps a replica of a partner's exercise with the records this node was sent: replaced whole by a newer version,
     * removed when withdrawn (its exercise part no longer released). An exercise of this node, or another node's replica,
     * with the same id is left alone, and so is one of a series this node does not hold.
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
            JdbcExercises.Held held = store.held(item.id()).orElse(null);
            if (held != null && !from.equals(held.replicaOf())) {
                log.warn("federation: {}'s exercise {} has the id of an exercise this node holds; not kept", from, item.id());
                return;
            }
            if (held != null && held.shareVersion() >= item.version()) return;
            List<Lesson> before = held == null ? List.of() : store.lessons(item.id());
            ExerciseShares.Records r = null;
            if (item.findPart("exercise").isPresent()) {
                try {
                    r = ExerciseShares.replica(item);
                } catch (RuntimeException e) {
                    log.warn("federation: {}'s exercise {} (version {}) is not well formed; not kept: {}", from, item.id(), item.version(), e.getMessage());
                    return;
                }
                if (store.series(r.exercise().series()).isEmpty()) {
                    log.warn("federation: {}'s exercise {} is of series {}, which this node does not hold; not kept", from, item.id(), r.exercise().series());
                    return;
                }
            }
            if (held != null) store.delete(item.id());
            Set<String> kept = new HashSet<>();
            if (r != null) {
                Instant now = clock.instant();
                store.insertExercise(r.exercise(), r.createdAt());
                store.markReplica(item.id(), from, item.version());
                r.products().forEach(store::insertProduct);
                r.injects().forEach(i -> store.insertInject(i, now));
                r.observations().forEach(store::insertObservation);
                r.issues().forEach(store::insertIssue);
                for (Lesson l : r.lessons()) {
                    store.insertLesson(l);
                    kept.add(l.id());
                    events.publishEvent(new SearchableChanged(searchable(l)));
                }
            }
            before.stream().filter(l -> !kept.contains(l.id())).forEach(l -> events.publishEvent(new SearchableRemoved("lesson", l.id())));
        });
    }

    /** A lesson as the search sees it: its title and text, each under the lesson's label, linked to its exercise's page. */
    static Searchable searchable(Lesson l) {
        return new Searchable("lesson", l.id(), "/exercises/?exercise=" + l.exercise() + "#" + l.id(), l.updated(),
                List.of(new Searchable.Part("title", l.label(), l.title()), new Searchable.Part("text", l.label(), l.text())));
    }
}
