package org.kizuna.intel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.intel.NewReport;
import org.kizuna.node.NodeSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * In demo mode, a handful of exercise reports in English and Japanese under mixed labels: one NOFORN, several REL TO
 * USA, JPN, one written by a JPN officer, two linked by an MMSI and two by place and time. Every name and number in
 * them is an exercise invention (MMSIs starting 999 are not assigned to ships), never a real observation.
 */
@Configuration(proxyBeanMethods = false)
class IntelDemo {

    @Bean
    @Order(30)
    ApplicationRunner intelDemoData(JdbcReports store, IntelService service, NodeSettings node, Clock clock) {
        return (ApplicationArguments args) -> {
            if (!node.isDemo() || store.count() > 0) return;
            KizunaUser usa = new KizunaUser("usa.officer", "USA", "SECRET", Set.of(), Set.of(Role.PLANNER, Role.RELEASER), ZoneId.of("Asia/Tokyo"));
            KizunaUser jpn = new KizunaUser("jpn.officer", "JPN", "SECRET", Set.of(), Set.of(Role.PLANNER, Role.RELEASER), ZoneId.of("Asia/Tokyo"));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            List<NewReport.NewPortion> first = new java.util.ArrayList<>(
                    List.of(portion("(S//REL TO USA, JPN)", "EXERCISE: a patrol aircraft reported MMSI 999000001 on a northerly course at 12 knots.")));
            if (node.nation().equals("USA")) first.add(portion("(S//NF)", "EXERCISE: the observing sensor's settings and the source of the cue."));
            create(service, report("(U)", "EXERCISE: merchant vessel KIZUNA DEMO observed east of Okinawa", null, first,
                    new NewReport.Location(26.5, 128.4), now.minus(Duration.ofHours(3))), usa);
            create(service, report("(//JPN S//REL TO USA, JPN)", "演習：沖縄東方の商船の続報", null,
                    List.of(portion("(//JPN S//REL TO USA, JPN)", "演習：護衛艦が MMSI 999000001 の商船を追尾。針路北、速力12ノット。")),
                    null, null), jpn);
            if (node.nation().equals("USA")) {
                // US eyes only: held by a US node alone (a JPN node of a federated demo may not hold it)
                create(service, report("(S//NF)", "EXERCISE: assessment for US eyes only", null,
                        List.of(portion("(S//NF)", "EXERCISE: the assessment's sources and the planned response.")), null, null), usa);
            }
            create(service, report("(U)", "EXERCISE: small craft near Sasebo", null,
                    List.of(portion("(C//REL TO USA, JPN)", "EXERCISE: two small craft observed leaving harbour before dawn.")),
                    new NewReport.Location(33.16, 129.72), now.minus(Duration.ofHours(5))), usa);
            create(service, report("(U)", "演習：佐世保付近の小型船", null,
                    List.of(portion("(//JPN C//REL TO USA, JPN)", "演習：佐世保港外で小型船2隻を確認（夜明け前）。")),
                    new NewReport.Location(33.10, 129.80), now.minus(Duration.ofHours(3))), jpn);
        };
    }

    /** Writes a demo report, unless this node may not hold its marks (a partner's node of a federated demo). */
    private static void create(IntelService service, NewReport report, KizunaUser author) {
        try {
            service.create(report, author);
        } catch (IllegalArgumentException | org.springframework.web.ErrorResponseException e) {
            org.slf4j.LoggerFactory.getLogger(IntelDemo.class).info("demo report not written on this node: {}", e.getMessage());
        }
    }

    private static NewReport report(String titleMark, String title, @Nullable String banner, List<NewReport.NewPortion> portions,
            NewReport.@Nullable Location where, @Nullable Instant when) {
        return new NewReport(new NewReport.MarkedText(titleMark, title), portions, banner, where, when);
    }

    private static NewReport.NewPortion portion(String mark, String text) {
        return new NewReport.NewPortion(mark, text, null);
    }
}
