package org.kizuna.exercises.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kizuna.console.ConsolePage;
import org.kizuna.exercises.Exercise;
import org.kizuna.exercises.NewInject;
import org.kizuna.exercises.NewProduct;
import org.kizuna.exercises.Series;
import org.kizuna.exercises.Template;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.label.Label;
import org.kizuna.node.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exercises page in the console; on every node (demo or production) the exercise series of the reference facts
 * with their latest instance (exercises/reference-exercises.yaml), loaded once at the first start as the registry loads
 * its reference data; and in demo mode only, at that same first start, the next Keen Sword in planning with a few
 * products and injects (invented content).
 */
@Configuration
class ExercisesDemo {

    private static final Logger log = LoggerFactory.getLogger(ExercisesDemo.class);

    /** Who closed the stages of an exercise recorded from the reference facts. */
    static final String REFERENCE = "reference-facts";

    @Bean
    ConsolePage exercisesPage() {
        return new ConsolePage("/exercises/", "Exercises", 45);
    }

    @Bean
    @Order(30)
    ApplicationRunner exercisesReferenceData(JdbcExercises store, ExerciseService service, UserDirectory users, NodeSettings node, Clock clock,
            TransactionTemplate tx) {
        return (ApplicationArguments args) -> {
            // the series are public facts: every node holds them, loaded once (a node that holds series is left as it is)
            if (store.seriesCount() > 0) return;
            ReferenceExercises data = ReferenceExercises.load();
            check(data);
            tx.executeWithoutResult(s -> {
                for (ReferenceExercises.SeriesEntry e : data.series()) {
                    List<Series.Source> sources = data.sources().stream().filter(x -> e.sources().contains(x.id()))
                            .map(x -> new Series.Source(x.id(), x.url(), x.publisher(), x.date())).toList();
                    store.insertSeries(new Series(e.id(), e.name(), e.cadence(), e.domain(), e.participants(), sources, e.verification(), Label.UNCLASSIFIED));
                    store.insertExercise(latest(e), clock.instant());
                }
            });
            log.info("exercises: {} series with their latest exercise loaded from {}", data.series().size(), ReferenceExercises.RESOURCE);
            if (!node.isDemo()) return;
            // the demo's invented exercise in planning, once, with the reference data
            List<KizunaUser> planners = List.of(users.find("usa.officer").orElse(null), users.find("jpn.officer").orElse(null)).stream()
                    .filter(java.util.Objects::nonNull).map(u -> (KizunaUser) u).toList();
            if (planners.size() == 2) {
                try {
                    nextKeenSword(store, service, planners.get(0), planners.get(1), clock, node.nation());
                } catch (RuntimeException e) {
                    // a label this node may not hold (a partner's node of a federated demo, such as AUS)
                    log.info("exercises demo: the next Keen Sword is not planned on this node: {}", e.getMessage());
                }
            }
            log.info("exercises demo: the next Keen Sword in planning");
        };
    }

    /** Fails with a message naming the entry when the reference data contradicts itself. */
    static void check(ReferenceExercises data) {
        Set<String> sources = new HashSet<>(), ids = new HashSet<>();
        data.sources().forEach(s -> sources.add(s.id()));
        for (ReferenceExercises.SeriesEntry e : data.series()) {
            if (!ids.add(e.id())) throw new IllegalStateException("exercise series " + e.id() + " is listed twice");
            if (e.sources().isEmpty()) throw new IllegalStateException("exercise series " + e.id() + " names no source");
            for (String s : e.sources()) {
                if (!sources.contains(s)) throw new IllegalStateException("exercise series " + e.id() + " cites unknown source " + s);
            }
            if (!Set.of("verified", "reported", "unverified").contains(e.verification())) {
                throw new IllegalStateException("exercise series " + e.id() + ": verification must be verified, reported or unverified");
            }
        }
    }

    static @Nullable LocalDate day(@Nullable String s) {
        return s != null && s.length() == 10 ? LocalDate.parse(s) : null;
    }

    /** The latest exercise of a series as the facts record it: every stage closed (its planning records are not held here). */
    static Exercise latest(ReferenceExercises.SeriesEntry e) {
        ReferenceExercises.Latest l = e.latest();
        LocalDate start = day(l.start()), end = day(l.end());
        LocalDate over = end != null ? end : start != null ? start : LocalDate.parse(l.start() + "-01").with(TemporalAdjusters.lastDayOfMonth());
        Instant closed = over.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Exercise.Stage> stages = new ArrayList<>();
        int i = 0;
        for (Template.StageDefinition s : Template.JOINT.stages()) {
            stages.add(new Exercise.Stage(s.id(), s.title(), i++, s.requiredProducts(), null, null, closed, REFERENCE));
        }
        List<String> notes = new ArrayList<>();
        if (l.size() != null) notes.add("size: " + l.size());
        if (start == null) notes.add("started " + l.start() + " (month only)");
        if (l.notes() != null) notes.add(l.notes());
        String id = l.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new Exercise(id, e.id(), l.name(), Template.JOINT, e.nations(), List.of(), List.of(e.domain()), List.of(), Map.of(), start, end,
                l.locations(), notes.isEmpty() ? null : String.join("; ", notes), e.sources(), e.verification(), Label.UNCLASSIFIED, REFERENCE, stages,
                null);
    }

    /**
     * The next Keen Sword: the series runs in odd US fiscal years (October-November), so the next one is in October of the next even year at
     * least 120 days ahead, named for its fiscal year (October 2028 is FY29: Keen Sword 29). Its dates are the demo's, not facts.
     */
    static void nextKeenSword(JdbcExercises store, ExerciseService service, KizunaUser usa, KizunaUser jpn, Clock clock, String nodeNation) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int year = today.getYear();
        while (year % 2 != 0 || !LocalDate.of(year, 10, 20).isAfter(today.plusDays(120))) year++;
        LocalDate x = LocalDate.of(year, 10, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        String name = "Keen Sword " + String.format("%02d", (year + 1) % 100);
        String id = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        int[][] offsets = {{-365, -272}, {-270, -268}, {-180, -178}, {-100, -98}, {-40, -38}, {0, 9}, {10, 24}, {25, 90}};
        List<Exercise.Stage> stages = new ArrayList<>();
        int i = 0;
        for (Template.StageDefinition s : Template.JOINT.stages()) {
            stages.add(new Exercise.Stage(s.id(), s.title(), i, s.requiredProducts(), x.plusDays(offsets[i][0]), x.plusDays(offsets[i][1]), null, null));
            i++;
        }
        Exercise e = new Exercise(id, "keen-sword", name, Template.JOINT, List.of("USA", "JPN"), List.of("usfj", "usindopacom", "jjoc"),
                List.of("land", "maritime", "air", "space", "cyber"),
                List.of("Exercise bilateral command and control between USFJ and the JSDF Joint Operations Command",
                        "Rehearse the defence of the Southwest Islands across all domains", "Exercise access to shared facilities from Hokkaido to Okinawa"),
                Map.of("USA", usa.username(), "JPN", jpn.username()), x, x.plusDays(9), "Hokkaido to the Southwest Islands (demo plan)",
                "demo data: dates and content are invented for the demo", List.of(), null, Label.parse("CONFIDENTIAL//REL TO USA, JPN"),
                usa.username(), stages, "design");
        store.insertExercise(e, clock.instant());
        service.addProduct(id, new NewProduct("design", "exercise-specification", name + " exercise specification",
                "Bilateral joint field training exercise; training audience USFJ, JJOC and components.", "CONFIDENTIAL//REL TO USA, JPN"), usa);
        service.closeStage(id, "design", usa);
        service.addProduct(id, new NewProduct("cdc", "concept-document", name + " concept document",
                "Concept of the exercise agreed at the concept development conference.", "CONFIDENTIAL//REL TO USA, JPN"), jpn);
        service.closeStage(id, "cdc", jpn);
        Instant day1 = x.atStartOfDay(ZoneOffset.UTC).toInstant();
        service.addInject(id, new NewInject(day1.plusSeconds(3600), "USARJ and JGSDF Northern Army staff",
                "Re-plan the live-fire serial through the booking module within 6 hours",
                "A typhoon closes the Yausubetsu live-fire window; find another range window.", "UNCLASSIFIED"), jpn);
        service.addInject(id, new NewInject(day1.plusSeconds(5 * 3600), "USFJ J6 and JJOC J6",
                "Shift to the alternate communications path and report within 1 hour",
                "Simulated loss of the satellite link between USFJ and JJOC.", "SECRET//REL TO USA, JPN"), usa);
        if (usa.nation().equals(nodeNation)) {
            // a US-only inject is held only by a US node (a JPN node of a federated demo may not hold it)
            service.addInject(id, new NewInject(day1.plusSeconds(7 * 3600), "USINDOPACOM J3",
                    "Report through the US national chain within 30 minutes", "US-only check of the national reporting chain.", "SECRET//NOFORN"), usa);
        }
    }
}
