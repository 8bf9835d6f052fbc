package org.kizuna.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.Messages;

/**
 * The desk gathers the modules' sections in their order, in the reader's language: a section that fails is shown as
 * failed and the others stand; a module without a section for the user is left out; a section shows at most
 * {@link DeskSection#ITEMS} items and keeps its count; a link leaves the node never.
 */
class DeskControllerTests {

    static final KizunaUser USER = new KizunaUser("usa.officer", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER), ZoneId.of("Asia/Tokyo"));

    static DeskSection section(String module, int order, Optional<DeskSection.Content> content) {
        return new DeskSection.OfModule(module, order) {
            @Override
            public Optional<Content> section(KizunaUser user, Locale language) {
                return content;
            }
        };
    }

    @Test
    void oneFailingSectionLeavesTheOthersStanding() {
        DeskSection failing = new DeskSection() {
            @Override
            public String module() {
                return "booking";
            }

            @Override
            public int order() {
                return 5;
            }

            @Override
            public Optional<Content> section(KizunaUser user, Locale language) {
                throw new IllegalStateException("the database is gone (secret detail)");
            }
        };
        List<DeskSection.Item> many = new ArrayList<>();
        for (int i = 0; i < 12; i++)
            many.add(new DeskSection.Item("console.desk.due", List.of("day " + i), "/intel/#R-" + i, null, null, null, false,
                    List.of("UNCLASSIFIED")));
        DeskController desk = new DeskController(List.of(
                section("picture", 70, Optional.empty()),
                section("intel", 10, Optional.of(DeskSection.Content.of("console.desk.heading", "/intel/", many))),
                failing), Messages.load());

        DeskController.Desk answer = desk.desk(USER, Locale.JAPANESE);
        assertThat(answer.sections()).extracting(DeskController.Section::module).containsExactly("booking", "intel");
        DeskController.Section failed = answer.sections().getFirst();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.heading()).isEqualTo("予約");
        assertThat(failed.items()).isEmpty();
        assertThat(failed.toString()).doesNotContain("secret detail");
        DeskController.Section intel = answer.sections().get(1);
        assertThat(intel.failed()).isFalse();
        assertThat(intel.heading()).isEqualTo("あなたのデスク");
        assertThat(intel.count()).isEqualTo(12);
        assertThat(intel.items()).hasSize(DeskSection.ITEMS);
        assertThat(intel.items().getFirst().text()).isEqualTo("期限 day 0");
    }

    @Test
    void aLinkOnTheDeskIsAPathOnTheNode() {
        for (String link : List.of("https://example.org/", "//example.org/", "javascript:alert(1)", "/\\\\example.org")) {
            assertThatThrownBy(() -> new DeskSection.Item("x", List.of(), link, null, null, null, false, List.of())).as(link)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new DeskSection.Item("x", List.of(), "/intel/#R-1", null, null, null, false, List.of()).link()).isEqualTo("/intel/#R-1");
    }

    @Test
    void aModulesSectionIsHeadedAndLinkedByItsModule() {
        DeskSection exercises = section("exercises", 50, Optional.empty());
        assertThat(exercises.page()).isEqualTo("/exercises/");
        assertThat(exercises.page("series", "keen sword", "exercise", "KS&25/東")).isEqualTo("/exercises/?series=keen+sword&exercise=KS%2625%2F%E6%9D%B1");
        assertThatThrownBy(() -> exercises.page("series")).isInstanceOf(IllegalArgumentException.class);
        DeskSection.Content content = exercises.content(List.of(DeskSection.Item.due("x", List.of(), "/exercises/", null, true, List.of())));
        assertThat(content.heading()).isEqualTo("exercises.desk.heading");
        assertThat(content.link()).isEqualTo("/exercises/");
        assertThat(content.count()).isEqualTo(1);
        assertThat(content.items().getFirst().overdue()).isTrue();
        assertThat(exercises.content(3, List.of()).count()).isEqualTo(3);
        DeskSection.Item at = DeskSection.Item.at("x", List.of(), "/booking/", java.time.Instant.EPOCH, List.of("UNCLASSIFIED")).inZone("Pacific/Honolulu");
        assertThat(at.zone()).isEqualTo("Pacific/Honolulu");
        assertThat(at.at()).isEqualTo(java.time.Instant.EPOCH);
        assertThat(at.day()).isNull();
        assertThat(at.labels()).containsExactly("UNCLASSIFIED");
    }
}
