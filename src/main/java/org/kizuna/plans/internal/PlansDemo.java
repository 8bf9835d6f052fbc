package org.kizuna.plans.internal;

import java.util.List;
import java.util.Map;
import org.kizuna.federation.Federation;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.node.NodeSettings;
import org.kizuna.plans.NewPlan;
import org.kizuna.plans.Plan;
import org.kizuna.plans.PlanChange;
import org.kizuna.plans.PlanKind;
import org.kizuna.plans.SectionInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * In demo mode, two invented bilateral plans of USA and JPN (approvers usa.officer and jpn.officer): an exercise plan
 * in English and Japanese that both nations approved, and a roadmap whose approved version 1 was changed into a
 * version 2 draft, to compare side by side. Their content is made up for the demo; it states no fact.
 */
@Configuration(proxyBeanMethods = false)
class PlansDemo {

    static final String EXERCISE = "Bilateral command post exercise plan (demo)";
    static final String ROADMAP = "Shared training area roadmap (demo)";

    @Bean
    @Order(30)
    ApplicationRunner plansDemoData(PlanService plans, UserDirectory users, NodeSettings node, ObjectProvider<Federation> federation) {
        return (ApplicationArguments args) -> {
            if (!node.isDemo() || plans.count() > 0) return;
            // in a federated demo the USA node drafts them and the JPN node gets them as replicas (approvals on JPN go to USA)
            Federation f = federation.getIfAvailable();
            if (f != null && f.enabled() && !node.nation().equals("USA")) return;
            // the demo plans are bilateral (REL TO USA, JPN): a third nation's node of a federated demo may not hold them
            if (!List.of("USA", "JPN").contains(node.nation())) return;
            KizunaUser usa = users.find("usa.officer").orElseThrow(), jpn = users.find("jpn.officer").orElseThrow();
            Map<String, String> approvers = Map.of("USA", "usa.officer", "JPN", "jpn.officer");
            Plan exercise = plans.create(new NewPlan(EXERCISE, "(U)", PlanKind.EXERCISE, List.of("USA", "JPN"), approvers, List.of(
                    new SectionInput(null, "1. Purpose / 目的", "(U)",
                            "Exercise the coordination of the two staffs through the alliance coordination mechanism.\n"
                                    + "同盟調整メカニズムを通じた日米両司令部の調整要領を演練する。"),
                    new SectionInput(null, "2. Concept of the exercise / 演習の構想", "(S//REL TO USA, JPN)",
                            "A computer-assisted command post exercise over five days; each nation's staff works from its own headquarters.\n"
                                    + "5日間の指揮所演習とし、各国の幕僚はそれぞれの司令部で勤務する。"),
                    new SectionInput(null, "3. Liaison / 連絡", "(C//REL TO USA, JPN)",
                            "Liaison officers are exchanged at the start of the exercise and report twice a day.\n連絡幹部は演習開始時に交換し、1日2回報告する。"),
                    new SectionInput(null, "4. Communications / 通信", "(U)",
                            "Both staffs use the shared coordination network; Japanese and English are both working languages.\n"
                                    + "両司令部は共用の調整ネットワークを使用し、日本語と英語を作業言語とする。"))),
                    usa);
            plans.approve(exercise.id(), 1, exercise.versions().getFirst().hash(), usa);
            plans.approve(exercise.id(), 1, exercise.versions().getFirst().hash(), jpn);

            Plan roadmap = plans.create(new NewPlan(ROADMAP, "(U)", PlanKind.REALIGNMENT_ROADMAP, List.of("USA", "JPN"), approvers, List.of(
                    new SectionInput(null, "1. Objective", "(U)", "Open the training area to shared use by both forces in three phases."),
                    new SectionInput(null, "2. Phase 1", "(U)", "Survey the ranges and agree on the booking rules by the end of the first year."),
                    new SectionInput(null, "3. Phase 2", "(C//REL TO USA, JPN)", "Shared use of the small-arms ranges on weekdays, with quiet hours at night."),
                    new SectionInput(null, "4. Review", "(U)", "The staffs review progress every six months."))), jpn);
            plans.approve(roadmap.id(), 1, roadmap.versions().getFirst().hash(), jpn);
            plans.approve(roadmap.id(), 1, roadmap.versions().getFirst().hash(), usa);
            plans.change(roadmap.id(), new PlanChange(List.of(
                    new SectionInput("s1", "1. Objective", "(U)", "Open the training area to shared use by both forces in four phases."),
                    new SectionInput("s2", "2. Phase 1", "(U)", "Survey the ranges and agree on the booking rules by the end of the second year."),
                    new SectionInput("s3", "3. Phase 2", "(C//REL TO USA, JPN)",
                            "Shared use of the small-arms ranges on weekdays and Saturdays, with quiet hours at night."),
                    new SectionInput(null, "4. Phase 3", "(U)", "Shared use of the whole training area, booked through the node."),
                    new SectionInput("s4", "5. Review", "(U)", "The staffs review progress every six months.")), "a fourth phase and a later survey"), jpn);
        };
    }
}
