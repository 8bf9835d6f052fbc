package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The node answers in the reader's language: the user's own choice where stored, else the browser's; pages,
 * navigation, problem titles and details (a refused write, a validation message) alike.
 */
@H2Node
class LanguageTests {

    @LocalServerPort int port;

    @AfterEach
    void backToTheBrowsersLanguage() {
        assertThat(Api.on(port).as("usa.clerk", "demo").put("/api/v1/me/preferences", "{\"language\":null}").status()).isEqualTo(200);
    }

    @Test
    void theLoginPageFollowsTheBrowsersLanguage() {
        Api.Response japanese = Api.on(port).acceptingLanguage("ja-JP,ja;q=0.9,en;q=0.5").get("/login");
        assertThat(japanese.body()).contains("<html lang=\"ja\">").contains("サインイン").doesNotContain("#{");
        Api.Response english = Api.on(port).acceptingLanguage("fr-FR,en;q=0.5").get("/login");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Sign in");
    }

    @Test
    void aUsersChoiceStandsOverTheBrowsersAndReachesPagesNavigationAndProblems() {
        Api viewer = Api.on(port).as("usa.clerk", "demo").acceptingLanguage("en-US");
        assertThat(viewer.get("/api/v1/console/nav").body()).contains("\"Bookings\"");

        Api.Response set = viewer.put("/api/v1/me/preferences", "{\"language\":\"ja\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("language").asString()).isEqualTo("ja");
        assertThat(viewer.get("/api/v1/me").json().get("chosenLanguage").asString()).isEqualTo("ja");

        assertThat(viewer.get("/api/v1/console/nav").body()).contains("\"予約\"").doesNotContain("\"Bookings\"");

        Api.Response refused = viewer.post("/api/v1/users/jpn.officer/disable", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("title").asString()).isEqualTo("許可されていません");
        assertThat(refused.json().get("detail").asString()).contains("利用者の無効化・有効化には").contains("usa.clerk");

        Api.Response invalid = viewer.put("/api/v1/me/preferences", "{\"language\":\"fr\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("title").asString()).isEqualTo("不正な要求");
        assertThat(invalid.json().get("detail").asString()).contains("en または ja");

        Api.Response zone = viewer.put("/api/v1/me/preferences", "{\"language\":\"ja\",\"zone\":\"Mars/Olympus\"}");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("detail").asString()).contains("タイムゾーン「Mars/Olympus」は不明です");
        assertThat(viewer.get("/api/v1/me").json().get("zone").asString()).isNotEqualTo("Mars/Olympus");
    }

    @Test
    void theNodesOwnProblemsAreToldInTheReadersLanguage() {
        Api japanese = Api.on(port).as("usa.clerk", "demo").acceptingLanguage("ja");
        Api.Response wrongType = japanese.get("/api/v1/registry/facilities?asOf=14.03.2005");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("title").asString()).isEqualTo("不正な要求");
        assertThat(wrongType.json().get("detail").asString()).isEqualTo("asOf は YYYY-MM-DD 形式の日付（例：2005-03-14）でなければなりません（受け取った値：'14.03.2005'）");
        Api.Response unreadable = japanese.put("/api/v1/me/preferences", "{not json");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("detail").asString()).startsWith("要求の本文を読み取れません");
        assertThat(Api.on(port).as("usa.clerk", "demo").acceptingLanguage("en").get("/api/v1/registry/facilities?asOf=14.03.2005").json().get("detail")
                .asString()).isEqualTo("asOf must be a date in ISO form YYYY-MM-DD, such as 2005-03-14; got '14.03.2005'");
    }

    @Test
    void aRefusedWriteIsToldInEnglishAsBefore() {
        Api.Response refused = Api.on(port).as("usa.clerk", "demo").acceptingLanguage("en").post("/api/v1/users/jpn.officer/disable", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("disabling or enabling a user needs the administrator role of the node's nation (USA); you are usa.clerk of USA");
    }
}
