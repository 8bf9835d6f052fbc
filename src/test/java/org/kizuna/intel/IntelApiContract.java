package org.kizuna.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Intelligence reports through the API, on whichever database the subclass runs the node. */
abstract class IntelApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    /** A unique word, so that a test's text is found only where the test put it. */
    static String word() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String report(String titleMark, String title, String... markAndText) {
        StringBuilder portions = new StringBuilder();
        for (int i = 0; i < markAndText.length; i += 2) {
            if (i > 0) portions.append(", ");
            portions.append("{\"marking\": ").append(JSON.writeValueAsString(markAndText[i])).append(", \"text\": ")
                    .append(JSON.writeValueAsString(markAndText[i + 1])).append("}");
        }
        return "{\"title\": {\"marking\": %s, \"text\": %s}, \"portions\": [%s]}".formatted(JSON.writeValueAsString(titleMark),
                JSON.writeValueAsString(title), portions);
    }

    JsonNode create(String user, String body) {
        Api.Response r = as(user).post("/api/v1/intel/reports", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long reports() {
        return jdbc.sql("select count(*) from intel_report").query(Long.class).single();
    }

    /** Every report id of the reader's list, page by page, and the total the list gives. */
    record Listing(List<String> ids, long total, String bodies) {
    }

    Listing listing(String user) {
        List<String> ids = new ArrayList<>();
        StringBuilder bodies = new StringBuilder();
        long total = -1;
        for (int page = 0; page < 50; page++) {
            Api.Response r = as(user).get("/api/v1/intel/reports?size=100&page=" + page);
            assertThat(r.status()).isEqualTo(200);
            bodies.append(r.body());
            JsonNode json = r.json();
            total = json.get("total").asLong();
            json.get("reports").forEach(x -> ids.add(x.get("id").asString()));
            if (json.get("reports").size() < 100) break;
        }
        return new Listing(ids, total, bodies.toString());
    }

    @Test
    void aReportOfPortionsRollsUpItsBannerAndAJapaneseReportRoundTrips() {
        String title = "演習：" + word() + " の観測";
        JsonNode created = create("jpn.officer", report("(//JPN C//REL TO USA, JPN)", title, "(//JPN S//REL TO USA, JPN)",
                "演習：護衛艦が MMSI 999123456 の商船を確認。", "(//JPN C//REL TO USA, JPN)", "天候：晴れ"));
        assertThat(created.get("banner").asString()).isEqualTo("//JPN SECRET//REL TO USA, JPN");
        assertThat(created.get("nation").asString()).isEqualTo("JPN");
        JsonNode read = as("usa.officer").get("/api/v1/intel/reports/" + created.get("id").asString()).json();
        assertThat(read.get("title").get("text").asString()).isEqualTo(title);
        assertThat(read.get("title").get("marking").asString()).isEqualTo("(//JPN C//REL TO USA, JPN)");
        assertThat(read.get("portions")).hasSize(2);
        assertThat(read.get("portions").get(0).get("text").asString()).isEqualTo("演習：護衛艦が MMSI 999123456 の商船を確認。");
        assertThat(read.get("portions").get(0).get("id").asString()).doesNotMatch("[0-9]+");
        assertThat(read.get("banner").asString()).isEqualTo("//JPN SECRET//REL TO USA, JPN");
    }

    @Test
    void aJapaneseReaderNeverLearnsOfANofornPortionItsTitleOrItsReport() {
        String secret = word(), hiddenTitle = word(), mmsi = "9991" + (int) (Math.random() * 89999 + 10000);
        Listing jpnBefore = listing("jpn.officer");
        Listing usaBefore = listing("usa.officer");
        // a report wholly NOFORN, one whose title is NOFORN, and one linked to the NOFORN report by an MMSI
        JsonNode hidden = create("usa.officer", report("(S//NF)", hiddenTitle, "(S//NF)", secret + " MMSI " + mmsi));
        JsonNode partial = create("usa.officer", report("(S//NF)", hiddenTitle + " too", "(S//REL TO USA, JPN)", "shared text", "(S//NF)", secret));
        JsonNode linked = create("usa.officer", report("(U)", "shared title", "(S//REL TO USA, JPN)", "MMSI " + mmsi + " seen again"));
        String hiddenId = hidden.get("id").asString(), partialId = partial.get("id").asString(), linkedId = linked.get("id").asString();

        Listing jpn = listing("jpn.officer");
        assertThat(jpn.ids()).doesNotContain(hiddenId).contains(partialId, linkedId);
        assertThat(jpn.total()).isEqualTo(jpnBefore.total() + 2);
        assertThat(jpn.bodies()).doesNotContain(secret).doesNotContain(hiddenTitle).doesNotContain(hiddenId).doesNotContain("NOFORN");
        assertThat(listing("usa.officer").total()).isEqualTo(usaBefore.total() + 3);

        // the single read of the hidden report answers exactly as one that does not exist
        Api.Response missing = as("jpn.officer").get("/api/v1/intel/reports/IR-nosuchreport");
        Api.Response denied = as("jpn.officer").get("/api/v1/intel/reports/" + hiddenId);
        assertThat(denied.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(denied.body().replace(hiddenId, "X")).isEqualTo(missing.body().replace("IR-nosuchreport", "X"));
        for (String path : List.of("/package", "/package?to=JPN")) {
            Api.Response p = as("jpn.officer").get("/api/v1/intel/reports/" + hiddenId + path);
            Api.Response none = as("jpn.officer").get("/api/v1/intel/reports/IR-nosuchreport" + path);
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.body().replace(hiddenId, "X")).isEqualTo(none.body().replace("IR-nosuchreport", "X"));
        }
        Api.Response release = as("jpn.officer").post("/api/v1/intel/reports/" + hiddenId + "/releases", "{\"portion\": \"1\", \"to\": [\"JPN\"]}");
        Api.Response releaseMissing = as("jpn.officer").post("/api/v1/intel/reports/IR-nosuchreport/releases", "{\"portion\": \"1\", \"to\": [\"JPN\"]}");
        assertThat(release.status()).isEqualTo(404);
        assertThat(release.body().replace(hiddenId, "X")).isEqualTo(releaseMissing.body().replace("IR-nosuchreport", "X"));

        // the partly readable report: no title, one portion, the banner of what is shown
        JsonNode view = as("jpn.officer").get("/api/v1/intel/reports/" + partialId).json();
        assertThat(view.get("title").isNull()).isTrue();
        assertThat(view.get("titleHidden").asBoolean()).isTrue();
        assertThat(view.get("portions")).hasSize(1);
        assertThat(view.get("banner").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(view.toString()).doesNotContain(secret).doesNotContain(hiddenTitle);
        // a hidden portion cannot be named by position either: N counts the reader's own view
        Api.Response second = as("jpn.officer").post("/api/v1/intel/reports/" + partialId + "/releases", "{\"portion\": \"2\", \"to\": [\"AUS\"]}");
        assertThat(second.status()).isEqualTo(404);

        // the link through the NOFORN portion shows to USA only
        JsonNode usaLinked = as("usa.officer").get("/api/v1/intel/reports/" + linkedId).json();
        assertThat(usaLinked.get("related").toString()).contains(hiddenId).contains("MMSI " + mmsi);
        // printed, the NOFORN link's reason is on the sheet: the sheet's banner is raised by it, the report's is not
        assertThat(usaLinked.get("banner").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(usaLinked.get("printBanner").asString()).isEqualTo("SECRET//NOFORN");
        JsonNode jpnLinked = as("jpn.officer").get("/api/v1/intel/reports/" + linkedId).json();
        assertThat(jpnLinked.get("related").toString()).doesNotContain(hiddenId);
        assertThat(jpnLinked.get("related")).isEmpty();
        assertThat(jpnLinked.get("printBanner").asString()).isEqualTo("SECRET//REL TO USA, JPN");

        // an export of the partly readable report carries only what JPN sees, under its banner
        JsonNode pkg = as("jpn.officer").get("/api/v1/intel/reports/" + partialId + "/package").json();
        assertThat(pkg.get("banner").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        String data = new String(java.util.Base64.getDecoder().decode(pkg.get("data").asString()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(data).contains("shared text").doesNotContain(secret).doesNotContain(hiddenTitle);
    }

    @Test
    void aReleaseThatNeedsTwoPersonsCannotBeDoneByOne() {
        String text = word();
        JsonNode r = create("usa.officer", report("(U)", "two-person " + text, "(S//NF)", "EXERCISE " + text));
        String id = r.get("id").asString(), portion = r.get("portions").get(0).get("id").asString();
        String body = "{\"portion\": \"" + portion + "\", \"to\": [\"JPN\"]}";

        Api.Response first = as("usa.officer").post("/api/v1/intel/reports/" + id + "/releases", body);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("state").asString()).isEqualTo("PENDING");
        assertThat(first.json().get("marking").asString()).isEqualTo("(S//REL TO USA, JPN)");
        assertThat(as("jpn.officer").get("/api/v1/intel/reports/" + id).json().get("portions")).isEmpty();

        Api.Response again = as("usa.officer").post("/api/v1/intel/reports/" + id + "/releases", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("second, different releaser");
        assertThat(as("usa.analyst").get("/api/v1/intel/releases?state=pending").body()).contains(first.json().get("release").asString());
        assertThat(as("jpn.analyst").get("/api/v1/intel/releases?state=pending").body()).doesNotContain(id);
        assertThat(as("usa.clerk").get("/api/v1/intel/releases?state=pending").json()).isEmpty();
        // nobody else may complete it: a planner without the releaser role, a partner's releaser
        assertThat(as("usa.planner").post("/api/v1/intel/reports/" + id + "/releases", body).status()).isIn(403, 404);
        assertThat(as("jpn.analyst").post("/api/v1/intel/reports/" + id + "/releases", body).status()).isEqualTo(404);

        Api.Response second = as("usa.analyst").post("/api/v1/intel/reports/" + id + "/releases", body);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("state").asString()).isEqualTo("RELEASED");
        assertThat(second.json().get("approvedBy").toString()).contains("usa.officer").contains("usa.analyst");
        JsonNode jpn = as("jpn.officer").get("/api/v1/intel/reports/" + id).json();
        assertThat(jpn.get("portions")).hasSize(1);
        assertThat(jpn.get("portions").get(0).get("marking").asString()).isEqualTo("(S//REL TO USA, JPN)");
        assertThat(as("usa.analyst").get("/api/v1/intel/releases?state=pending").body()).doesNotContain(first.json().get("release").asString());

        // the completed release is in the audit log, by both releasers
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long size = as("usa.auditor").get("/api/v1/audit/tree-head").json().get("size").asLong();
            String entries = as("usa.auditor").get("/api/v1/audit/entries?limit=1000&from=" + Math.max(0, size - 1000)).body();
            assertThat(entries).contains("intel/report/" + id + "/portion/" + portion).contains("usa.officer and usa.analyst");
        });
    }

    @Test
    void aConfidentialReleaseTakesOneReleaserAndATearLineIsARelease() {
        JsonNode r = create("usa.officer", report("(U)", "one releaser " + word(), "(C//NF)", "EXERCISE confidential"));
        String id = r.get("id").asString();
        Api.Response done = as("usa.releaser").post("/api/v1/intel/reports/" + id + "/releases", "{\"portion\": \"1\", \"to\": [\"JPN\", \"AUS\"]}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("marking").asString()).isEqualTo("(C//REL TO USA, AUS, JPN)");
        Api.Response twice = as("usa.releaser").post("/api/v1/intel/reports/" + id + "/releases", "{\"portion\": \"1\", \"to\": [\"JPN\"]}");
        assertThat(twice.status()).isEqualTo(409);
        // a viewer and a planner may not release
        assertThat(as("usa.clerk").post("/api/v1/intel/reports/" + id + "/releases", "{\"portion\": \"1\", \"to\": [\"GBR\"]}").status()).isEqualTo(403);

        JsonNode secret = create("usa.officer", report("(S//NF)", "tear line " + word(), "(S//NF)", "EXERCISE the whole story"));
        String sid = secret.get("id").asString();
        String tear = "{\"marking\": \"(C//REL TO USA, JPN)\", \"text\": \"EXERCISE a vessel was seen\"}";
        assertThat(as("usa.officer").post("/api/v1/intel/reports/" + sid + "/tear-lines", tear).status()).isEqualTo(200);
        JsonNode jpn = as("jpn.officer").get("/api/v1/intel/reports/" + sid).json();
        assertThat(jpn.get("portions")).hasSize(1);
        assertThat(jpn.get("portions").get(0).get("kind").asString()).isEqualTo("tear-line");
        assertThat(jpn.get("banner").asString()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
        // the guard inspects the tear line's content: a marking above its label is withheld
        Api.Response leaky = as("usa.officer").post("/api/v1/intel/reports/" + sid + "/tear-lines",
                "{\"marking\": \"(C//REL TO USA, JPN)\", \"text\": \"the SECRET part says\"}");
        assertThat(leaky.status()).isEqualTo(422);
        assertThat(leaky.json().get("detail").asString()).contains("SECRET");
    }

    @Test
    void informationFromAPartnerIsNeverReleasedFurtherThanItsOriginatorAllowed() {
        JsonNode r = create("jpn.officer", report("(//JPN C//REL TO USA, JPN)", "FGI " + word(), "(//JPN C//REL TO USA, JPN)", "演習：情報"));
        Api.Response refused = as("jpn.officer").post("/api/v1/intel/reports/" + r.get("id").asString() + "/releases",
                "{\"portion\": \"1\", \"to\": [\"AUS\"]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("JPN's information").contains("never");
        // a USA releaser may not release a JPN report at all
        assertThat(as("usa.releaser").post("/api/v1/intel/reports/" + r.get("id").asString() + "/releases", "{\"portion\": \"1\", \"to\": [\"AUS\"]}")
                .status()).isEqualTo(403);
    }

    @Test
    void aPackageBindsItsLabelAndAnEditedOrMovedLabelIsRefused() {
        JsonNode a = create("usa.officer", report("(U)", "package A " + word(), "(C//REL TO USA, JPN)", "EXERCISE A"));
        JsonNode b = create("usa.officer", report("(U)", "package B " + word(), "(S//NF)", "EXERCISE B"));
        ObjectNode pa = (ObjectNode) as("usa.officer").get("/api/v1/intel/reports/" + a.get("id").asString() + "/package").json();
        ObjectNode pb = (ObjectNode) as("usa.officer").get("/api/v1/intel/reports/" + b.get("id").asString() + "/package").json();
        assertThat(pa.get("banner").asString()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
        assertThat(pa.get("label").asString()).contains("urn:nato:stanag:4774");

        Api.Response imported = as("usa.officer").post("/api/v1/intel/imports", pa.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("originator").asString()).isEqualTo("USA");
        // imported: never released further than it arrived
        Api.Response further = as("usa.releaser").post("/api/v1/intel/reports/" + imported.json().get("id").asString() + "/releases",
                "{\"portion\": \"1\", \"to\": [\"AUS\"]}");
        assertThat(further.status()).isEqualTo(403);
        assertThat(further.json().get("detail").asString()).contains("imported");

        long before = reports();
        // the label edited: B's (SECRET//NOFORN) label written over A's, A's binding kept
        ObjectNode edited = pa.deepCopy();
        edited.put("label", pb.get("label").asString());
        edited.put("banner", pb.get("banner").asString());
        Api.Response e = as("usa.officer").post("/api/v1/intel/imports", edited.toString());
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.json().get("detail").asString()).contains("signature").contains("label was changed");
        // A's label with its binding moved onto B's data
        ObjectNode moved = pa.deepCopy();
        moved.put("data", pb.get("data").asString());
        Api.Response m = as("usa.officer").post("/api/v1/intel/imports", moved.toString());
        assertThat(m.status()).isEqualTo(400);
        assertThat(m.json().get("detail").asString()).contains("bound to other data");
        // ... and with B's digest too
        moved.put("digest", pb.get("digest").asString());
        assertThat(as("usa.officer").post("/api/v1/intel/imports", moved.toString()).status()).isEqualTo(400);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        long before = reports();
        Api.Response badMark = as("usa.officer").post("/api/v1/intel/reports", report("(U)", "t", "(s//rel to usa)", "x"));
        assertThat(badMark.status()).isEqualTo(400);
        assertThat(badMark.json().get("detail").asString()).contains("portions[0].marking");
        Api.Response notHeld = as("jpn.officer").post("/api/v1/intel/reports", report("(U)", "t", "(//JPN S)", "x"));
        assertThat(notHeld.status()).isEqualTo(400);
        assertThat(notHeld.json().get("detail").asString()).contains("may not hold");
        String lower = report("(U)", "t", "(S//REL TO USA, JPN)", "x").replace("\"portions\"", "\"banner\": \"CONFIDENTIAL\", \"portions\"");
        Api.Response override = as("usa.officer").post("/api/v1/intel/reports", lower);
        assertThat(override.status()).isEqualTo(400);
        assertThat(override.json().get("detail").asString()).contains("banner").contains("only raise");
        String[] many = new String[402];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "(U)";
            many[i + 1] = "x";
        }
        Api.Response tooMany = as("usa.officer").post("/api/v1/intel/reports", report("(U)", "t", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("portions");
        assertThat(as("usa.clerk").post("/api/v1/intel/reports", report("(U)", "t", "(U)", "x")).status()).isEqualTo(403);
        assertThat(reports()).isEqualTo(before);

        String raised = report("(U)", "t", "(C//REL TO USA, JPN)", "x").replace("\"portions\"", "\"banner\": \"SECRET//NOFORN\", \"portions\"");
        JsonNode ok = create("usa.officer", raised);
        assertThat(ok.get("banner").asString()).isEqualTo("SECRET//NOFORN");
        // a JPN reader sees both portions but not the raised banner, and so the roll-up of what it sees
        assertThat(as("jpn.officer").get("/api/v1/intel/reports/" + ok.get("id").asString()).json().get("banner").asString())
                .isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
    }

    @Test
    void reportsAboutTheSamePlaceAndTimeAreLinked() {
        String body = report("(U)", "place " + word(), "(C//REL TO USA, JPN)", "small craft");
        String first = body.replace("\"portions\"", "\"location\": {\"lat\": 10.0, \"lon\": 140.0}, \"observedAt\": \"2026-01-01T00:00:00Z\", \"portions\"");
        String near = body.replace("\"portions\"", "\"location\": {\"lat\": 10.05, \"lon\": 140.05}, \"observedAt\": \"2026-01-01T02:00:00Z\", \"portions\"");
        String far = body.replace("\"portions\"", "\"location\": {\"lat\": 11.0, \"lon\": 140.0}, \"observedAt\": \"2026-01-01T02:00:00Z\", \"portions\"");
        JsonNode a = create("usa.officer", first);
        JsonNode b = create("jpn.officer", near);
        JsonNode c = create("usa.officer", far);
        JsonNode view = as("jpn.officer").get("/api/v1/intel/reports/" + b.get("id").asString()).json();
        assertThat(view.get("related").toString()).contains(a.get("id").asString()).contains("place and time").doesNotContain(c.get("id").asString());
    }
}
