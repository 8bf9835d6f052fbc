package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The label module's refusals, a refusal reason kept in the database and the reference data's names reach a reader in
 * the reader's language: a marking that does not parse and an item the node may not hold (problem+json), a booking's
 * refusal reason (stored as a code and told when read; a row written before, in English, still reads as written), and
 * the names of mission areas, regions, support kinds, nations and facilities.
 */
@H2Node
class ReasonsAndNamesLanguageTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Api japanese(String user) {
        return Api.on(port).as(user, "demo").acceptingLanguage("ja-JP,ja;q=0.9");
    }

    Api english(String user) {
        return Api.on(port).as(user, "demo").acceptingLanguage("en-US");
    }

    @Test
    void aMarkingThatDoesNotParseIsRefusedInTheReadersLanguage() {
        Api.Response ja = japanese("usa.officer").post("/api/v1/labels/rollup", "[\"secret//noforn\"]");
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("title").asString()).isEqualTo("不正な要求");
        assertThat(ja.json().get("detail").asString()).isEqualTo("'secret//noforn' に小文字があります。区分表示は大文字で書きます");
        Api.Response en = english("usa.officer").post("/api/v1/labels/rollup", "[\"secret//noforn\"]");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("detail").asString()).isEqualTo("'secret//noforn' has lower-case letters; markings are written in capitals");

        Api.Response unknown = japanese("usa.officer").post("/api/v1/labels/rollup", "[\"SECRET//REL TO USA, JAP\"]");
        assertThat(unknown.json().get("detail").asString()).contains("不明な国コード 'JAP' があります");
    }

    @Test
    void anItemTheNodeMayNotHoldIsRefusedWithRuleFiveInTheReadersLanguage() {
        String report = """
                {"title": {"marking": "(U)", "text": "EXERCISE: held elsewhere"}, "portions": [{"marking": "(//JPN S)", "text": "EXERCISE"}]}""";
        Api.Response ja = japanese("usa.officer").post("/api/v1/intel/reports", report);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("detail").asString()).contains("このノードは //JPN SECRET を保持できません").contains("規則5: ノード USA は")
                .doesNotContain("rule 5");
        Api.Response en = english("usa.officer").post("/api/v1/intel/reports", report);
        assertThat(en.json().get("detail").asString()).contains("this node may not hold //JPN SECRET").contains("rule 5: node USA is");
        // the reason names the item's own label and the node, and is the same words whoever asks
        assertThat(japanese("usa.planner").post("/api/v1/intel/reports", report).json().get("detail").asString())
                .isEqualTo(ja.json().get("detail").asString());
    }

    @Test
    void aStoredRefusalReasonIsToldInTheReadersLanguageAndAnOldEnglishOneAsWritten() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(97).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        String at = day.atTime(LocalTime.of(13, 0)).toInstant(ZoneOffset.UTC).toString(); // 22:00 in Tokyo: quiet hours
        JsonNode filed = english("usa.officer").post("/api/v1/booking/requests", """
                {"unit": "iii-mef", "facilities": ["white-beach"], "durationMinutes": 120, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": true, "label": "UNCLASSIFIED"}""".formatted(at, at, at)).json();
        assertThat(filed.get("state").asString()).as(filed.toString()).isEqualTo("REFUSED");
        String id = filed.get("id").asString();
        assertThat(filed.get("reason").asString()).startsWith("refused: no start in the window is allowed. white-beach: of 1 starts, 1 by quiet hours");

        String ja = japanese("usa.officer").get("/api/v1/booking/requests/" + id).json().get("reason").asString();
        assertThat(ja).isEqualTo("却下: 時間枠内に認められる開始時刻がありません。white-beach: 開始時刻1通りのうち、1通りは騒音を伴う活動の静穏時間による（22:00～06:00 と日曜日、Asia/Tokyo）");
        List<String> listed = new ArrayList<>();
        japanese("usa.officer").get("/api/v1/booking/requests?facility=white-beach").json()
                .forEach(r -> listed.add(r.get("id").asString() + "=" + r.get("reason").asString("")));
        assertThat(listed).contains(id + "=" + ja);
        assertThat(english("usa.officer").get("/api/v1/booking/requests/" + id).json().get("reason").asString())
                .isEqualTo(filed.get("reason").asString());
        // the English text is kept beside the code: what partners' replicas and the log carry
        assertThat(jdbc.sql("select reason from booking_request where id = ?").param(id).query(String.class).single())
                .isEqualTo(filed.get("reason").asString());

        // a row written before reasons were kept as codes reads as it was written, in either language
        jdbc.sql("update booking_request set reason = ?, reason_code = null where id = ?").params("refused: written by an older node", id).update();
        assertThat(japanese("usa.officer").get("/api/v1/booking/requests/" + id).json().get("reason").asString())
                .isEqualTo("refused: written by an older node");
    }

    @Test
    void aCotEventRefusedOverRestIsToldInTheReadersLanguage() {
        long now = System.currentTimeMillis(), year = 365L * 86_400_000L;
        String old = new String(new CotXmlWriter().write(new CotEvent("REST-LANG-1", "a-h-A", "m-g", now - year, now - year, now + year, 36, 133, 0, 5, 5,
                "SECRET", null, "REL TO USA, JPN", 5, 0, null, null)), java.nio.charset.StandardCharsets.UTF_8);
        Api.Response ja = japanese("usa.officer").post("/api/v1/picture/events", old, "application/xml");
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("detail").asString()).startsWith("イベントを受け付けません: イベントの時刻 ").contains("秒以上前です");
        Api.Response en = english("usa.officer").post("/api/v1/picture/events", old, "application/xml");
        assertThat(en.json().get("detail").asString()).startsWith("event rejected: event time ").contains("s before the node's clock");
    }

    @Test
    void referenceDataNamesAreInJapaneseForAJapaneseReader() {
        JsonNode regions = japanese("jpn.officer").get("/api/v1/missions/regions").json();
        assertThat(name(regions, "southwest-islands")).isEqualTo("南西諸島");
        assertThat(name(english("jpn.officer").get("/api/v1/missions/regions").json(), "southwest-islands")).isEqualTo("Southwest Islands");
        assertThat(name(japanese("jpn.officer").get("/api/v1/missions/areas").json(), "air-missile-defence")).isEqualTo("防空・ミサイル防衛");
        JsonNode analysis = japanese("jpn.officer").get("/api/v1/missions/analysis").json();
        assertThat(name(analysis.get("areas"), "amphibious")).isEqualTo("水陸両用作戦");
        assertThat(name(analysis.get("regions"), "surrounding-seas")).isEqualTo("周辺海域");

        JsonNode facts = japanese("jpn.officer").get("/api/v1/authority/facts").json();
        assertThat(name(facts.get("kinds"), "asset-protection")).isEqualTo("武器等防護");
        assertThat(name(facts.get("regions"), "global")).isEqualTo("全世界");

        assertThat(name(japanese("jpn.officer").get("/api/v1/registry/facilities").json(), "yokota")).isEqualTo("横田飛行場");
        assertThat(japanese("jpn.officer").get("/api/v1/registry/facilities/futenma").json().get("name").asString()).isEqualTo("普天間飛行場");
        assertThat(name(english("jpn.officer").get("/api/v1/registry/facilities").json(), "yokota")).isEqualTo("Yokota Air Base");
        JsonNode nations = japanese("jpn.officer").get("/api/v1/registry/nations").json();
        List<String> names = new ArrayList<>();
        nations.forEach(n -> names.add(n.get("code").asString() + "=" + n.get("name").asString()));
        assertThat(names).contains("USA=アメリカ合衆国", "JPN=日本");
        JsonNode jjoc = japanese("jpn.officer").get("/api/v1/registry/organizations/jjoc").json();
        assertThat(jjoc.toString()).contains("統合作戦司令部");
        assertThat(japanese("jpn.officer").get("/api/v1/registry/organizations/usfj?asOf=2020-01-01").json().toString()).contains("在日米軍");
    }

    private static String name(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) return n.get("name").asString();
        }
        throw new AssertionError(id + " is not in " + list);
    }
}
