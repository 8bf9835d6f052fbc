package org.kizuna.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.search.Searchable.Part;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/search} on a whole node, on whichever database the subclass runs it: records are published as a
 * module publishes them (an event in the transaction that changed them, through the event publication registry), and
 * a JPN reader never sees a NOFORN part, its title, or its existence in a total, a hit or a snippet, while a USA reader
 * finds it. Japanese finds Japanese; bad queries are 400 problems naming the parameter.
 */
abstract class SearchApiContract {

    static final Label REL = Label.parse("SECRET//REL TO USA, JPN");
    static final Label NOFORN = Label.parse("SECRET//NOFORN");

    @LocalServerPort int port;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    Api usa() {
        return Api.on(port).as("usa.officer", "demo");
    }

    Api jpn() {
        return Api.on(port).as("jpn.officer", "demo");
    }

    /** A word no other test (nor the demo data) uses, so that each test counts its own records. */
    static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Publishes the record in a transaction and waits until the USA officer finds it by {@code word}. */
    void publish(Searchable record, String word) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new SearchableChanged(record)));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response r = usa().get("/api/v1/search?q=" + word);
            return r.status() == 200 && r.json().get("total").asLong() > 0;
        });
    }

    JsonNode search(Api api, String q) {
        Api.Response r = api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Searchable report(String id, Part... parts) {
        return new Searchable("report", id, "/intel/#" + id, Instant.parse("2026-04-01T00:00:00Z"), List.of(parts));
    }

    @Test
    void aWordOnlyInANofornPartIsNothingToAJpnReader() {
        String w = word();
        String id = "IR-" + w;
        publish(report(id, new Part("title", NOFORN, "Title " + w), new Part("portion-1", REL, "Routine logistics."),
                new Part("portion-2", NOFORN, "The " + w + " battery moved.")), w);
        JsonNode jpn = search(jpn(), w);
        assertThat(jpn.get("total").asLong()).isZero();
        assertThat(jpn.get("hits")).isEmpty();
        Api.Response raw = jpn().get("/api/v1/search?q=" + w);
        assertThat(raw.body()).doesNotContain(id).doesNotContain("battery");
        JsonNode usa = search(usa(), w);
        assertThat(usa.get("total").asLong()).isEqualTo(1);
        assertThat(usa.at("/hits/0/id").asString()).isEqualTo(id);
        assertThat(usa.at("/hits/0/title").asString()).isEqualTo("Title " + w);
        assertThat(usa.at("/hits/0/snippets/1").asString()).contains("<mark>" + w + "</mark>");
        // the JPN reader finds the record by its readable part only, without its NOFORN title
        JsonNode logistics = search(jpn(), "routine logistics");
        assertThat(logistics.get("hits").findValuesAsString("id")).contains(id);
    }

    @Test
    void aReadableAndANofornPartBothMatchingShowTheReadableOnly() {
        String w = word();
        String id = "IR-" + w;
        publish(report(id, new Part("title", NOFORN, "Hidden " + w + " title"), new Part("portion-1", REL, w + " exercise near Okinawa."),
                new Part("portion-2", NOFORN, w + " source is a liaison officer.")), w);
        JsonNode jpn = search(jpn(), w);
        assertThat(jpn.get("total").asLong()).isEqualTo(1);
        JsonNode hit = jpn.at("/hits/0");
        assertThat(hit.get("id").asString()).isEqualTo(id);
        assertThat(hit.hasNonNull("title")).as("no title: the node leaves nulls out").isFalse();
        assertThat(hit.toString()).doesNotContain("Hidden");
        assertThat(hit.get("parts").get(0).asString()).isEqualTo("portion-1");
        assertThat(hit.get("parts")).hasSize(1);
        assertThat(hit.get("snippets").toString()).contains("<mark>" + w + "</mark> exercise near Okinawa").doesNotContain("liaison")
                .doesNotContain("Hidden");
        JsonNode usa = search(usa(), w).at("/hits/0");
        assertThat(usa.get("parts")).hasSize(3);
    }

    @Test
    void japaneseFindsJapaneseByMorphologicalAnalysis() {
        String w = word();
        String id = "IR-" + w;
        publish(report(id, new Part("title", Label.UNCLASSIFIED, "統合作戦司令部の発足 " + w),
                new Part("portion-1", REL, "統合作戦司令部は在日米軍と共同訓練を実施した。部隊は島を守った。" + w)), w);
        for (String q : List.of("統合作戦司令部 " + w, "司令部 " + w, "訓練 " + w, "守る " + w)) {
            JsonNode r = search(jpn(), q);
            assertThat(r.get("total").asLong()).as(q).isEqualTo(1);
            assertThat(r.at("/hits/0/title").asString()).isEqualTo("統合作戦司令部の発足 " + w);
        }
        assertThat(search(jpn(), "守る " + w).at("/hits/0/snippets").toString()).contains("<mark>守っ</mark>た");
        assertThat(search(jpn(), "司令官 " + w).get("total").asLong()).isZero();
    }

    @Test
    void englishIsStemmedAndKindsFilter() {
        String w = word();
        publish(report("IR-" + w, new Part("portion-1", Label.UNCLASSIFIED, "Two exercises with " + w + ".")), w);
        assertThat(search(jpn(), "exercise " + w).get("total").asLong()).isEqualTo(1);
        assertThat(jpn().get("/api/v1/search?q=" + w + "&kind=plan").json().get("total").asLong()).isZero();
        assertThat(jpn().get("/api/v1/search?q=" + w + "&kind=report&kind=plan").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aRemovedRecordIsGone() {
        String w = word();
        publish(report("IR-" + w, new Part("portion-1", Label.UNCLASSIFIED, "Gone soon " + w)), w);
        transactions.executeWithoutResult(tx -> events.publishEvent(new SearchableRemoved("report", "IR-" + w)));
        await().atMost(Duration.ofSeconds(10)).until(() -> search(usa(), w).get("total").asLong() == 0);
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + w + "%").query(Long.class).single()).as("the search's listeners completed their publications").isZero();
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        for (String path : List.of("/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20", "/api/v1/search?q=" + "x".repeat(201))) {
            Api.Response r = jpn().get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(path).startsWith("q:");
        }
        assertThat(jpn().get("/api/v1/search?q=" + "a+".repeat(17)).json().get("detail").asString()).isEqualTo("q: must be at most 16 words");
        assertThat(jpn().get("/api/v1/search?q=x&size=101").json().get("detail").asString()).startsWith("size:");
        assertThat(jpn().get("/api/v1/search?q=x&kind=Report").json().get("detail").asString()).startsWith("kind:");
        // query syntax is text: no error
        assertThat(jpn().get("/api/v1/search?q=" + URLEncoder.encode("title:x AND (\"", StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(Api.on(port).get("/api/v1/search?q=x").status()).isEqualTo(401);
    }

    @Test
    void theOperationIsInTheApiDescriptionWithASummary() {
        JsonNode op = jpn().get("/api/v1/openapi").json().at("/paths/~1api~1v1~1search/get");
        assertThat(op.get("summary").asString()).isEqualTo("Search reports, plans and commitments in English and Japanese");
        List<String> params = op.get("parameters").findValuesAsString("name");
        assertThat(params).containsExactlyInAnyOrder("q", "kind", "page", "size");
    }
}
