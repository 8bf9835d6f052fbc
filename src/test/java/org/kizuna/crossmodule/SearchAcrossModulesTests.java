package org.kizuna.crossmodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The one search finds what the modules write, as their users write it: an intelligence report written in Japanese is
 * found by a Japanese word for a JPN reader who may read its portion, while a word of its NOFORN portion finds nothing
 * for that reader, not even a count; the demo's commitments, plans and exercise lessons are found by kind.
 */
@H2Node
class SearchAcrossModulesTests {

    @LocalServerPort int port;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    JsonNode search(String user, String q) {
        Api.Response r = as(user).get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("hits").forEach(h -> ids.add(h.get("kind").asString() + "/" + h.get("id").asString()));
        return ids;
    }

    @Test
    void aReportWrittenInJapaneseIsFoundByAJapaneseWordAndItsNofornPortionByNoOneItMayNotReach() {
        Api.Response written = as("usa.analyst").post("/api/v1/intel/reports", """
                {"title": {"marking": "(U)", "text": "与那国島沖の艦艇動向"},
                 "portions": [{"marking": "(S//REL TO USA, JPN)", "text": "与那国島の西方で駆逐艦二隻が北東へ航行しているのを確認した。"},
                              {"marking": "(S//NF)", "text": "Collected by a platform codenamed BLUEHERON over Yonaguni."}]}""");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        String id = written.json().get("id").asString();
        // indexed within a second of the commit (the index may still be building at the node's start)
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> ids(search("jpn.officer", "駆逐艦")).contains("report/" + id));
        // an inflected verb form finds the dictionary form's text: 航行する -> 航行している
        assertThat(ids(search("jpn.officer", "航行する"))).contains("report/" + id);
        JsonNode hidden = search("jpn.officer", "BLUEHERON");
        assertThat(hidden.get("total").asLong()).isZero();
        assertThat(hidden.toString()).doesNotContain(id);
        JsonNode own = search("usa.officer", "BLUEHERON");
        assertThat(ids(own)).contains("report/" + id);
        // the JPN reader's hit shows only what it may read
        JsonNode hit = search("jpn.officer", "駆逐艦").get("hits").get(0);
        assertThat(hit.toString()).doesNotContain("BLUEHERON").doesNotContain("NOFORN");
    }

    @Test
    void theDemosCommitmentsAndPlansAreFoundByKind() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> search("jpn.officer", "Futenma").get("total").asLong() > 0);
        JsonNode commitments = as("jpn.officer").get("/api/v1/search?q=Futenma&kind=commitment").json();
        assertThat(commitments.get("total").asLong()).isPositive();
        commitments.get("hits").forEach(h -> assertThat(h.get("kind").asString()).isEqualTo("commitment"));
    }
}
