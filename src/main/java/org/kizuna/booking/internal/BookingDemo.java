package org.kizuna.booking.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.Complaint;
import org.kizuna.booking.NewComplaint;
import org.kizuna.booking.NewRequest;
import org.kizuna.booking.plan.Horizon;
import org.kizuna.console.ConsolePage;
import org.kizuna.federation.Federation;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.NodeSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The booking page in the console, and in demo mode a week of requests so the calendar is not empty. */
@Configuration
class BookingDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BookingDemo.class);

    @Bean
    ConsolePage bookingPage() {
        return new ConsolePage("/booking/", "Bookings", 30);
    }

    @Bean
    @Order(20)
    ApplicationRunner bookingDemoData(JdbcRequests store, BookingService service, NeighboursService neighbours, NodeSettings node, Clock clock,
            ObjectProvider<Federation> federation) {
        return (ApplicationArguments args) -> {
            if (!node.isDemo() || store.count() > 0) return;
            Instant monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
            store.addClosure("camp-hansen", monday.plus(Duration.ofHours(24 + 1)), monday.plus(Duration.ofHours(24 + 7)), "range maintenance");
            store.addAgreedPeriod("yausubetsu", monday.plus(Duration.ofDays(2)), monday.plus(Duration.ofDays(5)));
            // the demo planners (identity's demo accounts) file them
            KizunaUser usa = new KizunaUser("usa.officer", "USA", "SECRET", Set.of(), Set.of(Role.PLANNER), ZoneId.of("Asia/Tokyo"));
            KizunaUser jpn = new KizunaUser("jpn.officer", "JPN", "SECRET", Set.of(), Set.of(Role.PLANNER), ZoneId.of("Asia/Tokyo"));
            record Demo(String unit, List<String> facilities, int hours, int fromDay, int toDay, int preferredHour, int priority, boolean noisy,
                    String label, KizunaUser by) {
            }
            List<Demo> demos = List.of(
                    new Demo("iii-mef", List.of("camp-hansen"), 4, 0, 4, 1, 3, true, "UNCLASSIFIED", usa),
                    new Demo("ardb", List.of("camp-hansen"), 3, 0, 4, 1, 4, true, "UNCLASSIFIED", jpn),
                    new Demo("usarj", List.of("yausubetsu"), 6, 0, 6, 0, 3, true, "SECRET//REL TO USA, JPN", usa),
                    new Demo("ardb", List.of("camp-hansen", "camp-kengun"), 2, 1, 5, 5, 2, false, "UNCLASSIFIED", jpn),
                    new Demo("iii-mef", List.of("kadena"), 2, 0, 3, 13, 5, false, "SECRET//NOFORN", usa));
            // in a federated demo each node files its own nation's requests, and the partners' arrive as replicas
            Federation f = federation.getIfAvailable();
            boolean federated = f != null && f.enabled();
            for (Demo d : demos) {
                if (federated && !d.by().nation().equals(node.nation())) continue;
                Instant earliest = monday.plus(Duration.ofDays(d.fromDay()));
                Instant latest = monday.plus(Duration.ofDays(d.toDay()));
                Instant preferred = monday.plus(Duration.ofDays(d.fromDay())).plus(Duration.ofHours(d.preferredHour()));
                try {
                    service.submit(new NewRequest(d.unit(), d.facilities(), d.hours() * 60, earliest, latest, preferred, d.priority(), d.noisy(), d.label()),
                            d.by());
                } catch (IllegalArgumentException | org.springframework.web.ErrorResponseException e) {
                    // a label this node may not hold (a US-only booking on a partner's node of a federated demo)
                    log.info("demo booking of {} not filed on this node: {}", d.unit(), e.getMessage());
                }
            }
            // the neighbours: Camp Hansen's monthly noise budget, and last night's activity at Camp Schwab, booked as quiet,
            // that the Henoko ward office complained about
            store.setNoiseBudget("camp-hansen", 40 * 2);
            ZoneId tokyo = ZoneId.of("Asia/Tokyo");
            Instant night = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
            while (!Horizon.quiet(night.atZone(tokyo)) || !Horizon.quiet(night.plus(Duration.ofHours(2)).atZone(tokyo)))
                night = night.minus(Duration.ofMinutes(30));
            BookingRequest flying = service.submit(new NewRequest("iii-mef", List.of("camp-schwab"), 120, night, night, night, 3, false, "UNCLASSIFIED"), usa);
            neighbours.record(new NewComplaint(null, 26.53, 128.05, night.plus(Duration.ofMinutes(40)), Complaint.Kind.NOISE, "Henoko ward office",
                    "Helicopters circling over the houses late at night", "UNCLASSIFIED"), jpn);
            log.info("demo booking {} and a neighbours' complaint about it at Camp Schwab", flying.id());
        };
    }
}
