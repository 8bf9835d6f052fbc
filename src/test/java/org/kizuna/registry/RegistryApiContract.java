package org.kizuna.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The registry API as a user sees it, on whichever database the subclass runs the node. */
abstract class RegistryApiContract {

    @LocalServerPort int port;

    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * A US-only unit, a facility released to the UK only, and a coordination link to the US-only unit;
     * an unclassified detachment under the US-only unit and an unclassified range that hosts it.
     */
    @org.junit.jupiter.api.BeforeEach
    void withheldItems() {
        if (jdbc.sql("select count(*) from registry_organization where id = 'leak-noforn-cell'").query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, abbreviation,
                    site, lat, lon, zone, note, sources, verification, label)
                values ('leak-noforn-cell', '2020-01-01', null, 'USA', 'unit', 'usfj', null, 'Special Planning Cell', 'SPC',
                    'Yokota', 35.7, 139.3, 'Asia/Tokyo', null, 'usfj-about', 'unverified', 'SECRET//NOFORN')""").update();
        jdbc.sql("""
                insert into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note,
                    hosts, note, valid_from, valid_to, sources, verification, label)
                values ('leak-uk-range', 'Special Range', 'range', 'UK', 35.0, 139.0, 'Asia/Tokyo', 'JPN', 'GBR', null, null,
                    '', null, null, null, 'usfj-about', 'unverified', 'SECRET//REL TO USA, GBR')""").update();
        jdbc.sql("""
                insert into registry_relation (id, kind, from_id, to_id, valid_from, valid_to, note, sources, verification, label)
                values ('leak-link', 'coordination', 'leak-noforn-cell', 'jjoc', '2025-03-24', null, null, 'usfj-about', 'unverified', 'UNCLASSIFIED')""")
                .update();
        jdbc.sql("""
                insert into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, abbreviation,
                    site, lat, lon, zone, note, sources, verification, label)
                values ('leak-cell-detachment', '2020-01-01', null, 'USA', 'unit', 'leak-noforn-cell', 'leak-noforn-cell', 'Cell Detachment', 'CD',
                    'Yokota', 35.7, 139.3, 'Asia/Tokyo', null, 'usfj-about', 'unverified', 'UNCLASSIFIED')""").update();
        jdbc.sql("""
                insert into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note,
                    hosts, note, valid_from, valid_to, sources, verification, label)
                values ('leak-host-range', 'Host Range', 'range', 'USFJ', 35.0, 139.0, 'Asia/Tokyo', 'JPN', 'USA', null, null,
                    'leak-noforn-cell,usfj', null, null, null, 'usfj-about', 'unverified', 'UNCLASSIFIED')""").update();
    }

    Api officer() {
        return Api.on(port).as("jpn.officer", "demo");
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    @Test
    void in2005ThereIsNoJointOperationsCommandButThereIsUsForcesJapan() {
        Api.Response r = officer().get("/api/v1/registry/organizations?asOf=2005-03-14");
        assertThat(r.status()).isEqualTo(200);
        assertThat(ids(r.json())).contains("usfj", "usindopacom", "jasdf-adc").doesNotContain("jjoc", "jgsdf-gcc", "ardb");
    }

    @Test
    void in2025BothCommandsExistAndCoordinate() {
        List<String> orgs = ids(officer().get("/api/v1/registry/organizations?asOf=2025-06-01").json());
        assertThat(orgs).contains("usfj", "jjoc");
        JsonNode relations = officer().get("/api/v1/registry/relations?asOf=2025-06-01").json();
        boolean linked = false;
        for (JsonNode r : relations) {
            if (r.get("kind").asString().equals("COORDINATION")
                    && List.of(r.get("from").asString(), r.get("to").asString()).containsAll(List.of("usfj", "jjoc"))) {
                linked = true;
            }
        }
        assertThat(linked).as("a coordination relation between USFJ and JJOC on 2025-06-01").isTrue();
        JsonNode before = officer().get("/api/v1/registry/relations?asOf=2024-06-01").json();
        assertThat(ids(before)).doesNotContain("usfj-jjoc");
    }

    @Test
    void iCorpsForwardIsAtCampZamaFromDecember2007() {
        JsonNode before = officer().get("/api/v1/registry/organizations/usarj?asOf=2007-12-18").json().get("organization");
        JsonNode after = officer().get("/api/v1/registry/organizations/usarj?asOf=2008-01-15").json().get("organization");
        assertThat(before.get("name").asString()).doesNotContain("I Corps");
        assertThat(after.get("name").asString()).contains("I Corps (Forward)");
        assertThat(after.get("location").get("site").asString()).contains("Camp Zama");
    }

    @Test
    void anOrganizationComesWithItsChainOfCommandAndCoordinationPartners() {
        JsonNode ardb = officer().get("/api/v1/registry/organizations/ardb?asOf=2025-06-01").json();
        assertThat(ids(ardb.get("chainOfCommand"))).containsExactly("jgsdf-gcc", "jjoc");
        assertThat(ids(ardb.get("coordinationPartners"))).containsExactly("iii-mef");
        JsonNode usfj = officer().get("/api/v1/registry/organizations/usfj?asOf=2025-06-01").json();
        assertThat(ids(usfj.get("chainOfCommand"))).containsExactly("usindopacom");
        assertThat(ids(usfj.get("coordinationPartners"))).contains("jjoc");
        assertThat(ids(usfj.get("subordinates"))).contains("usarj", "fifth-af");
        JsonNode gcc2020 = officer().get("/api/v1/registry/organizations/jgsdf-gcc?asOf=2020-01-01").json();
        assertThat(gcc2020.get("chainOfCommand")).isEmpty();
    }

    @Test
    void facilitiesCarryZoneHostAndJointUseCategory() {
        JsonNode facilities = officer().get("/api/v1/registry/facilities?asOf=2025-06-01").json();
        JsonNode asaka = null;
        for (JsonNode f : facilities) {
            if (f.get("id").asString().equals("camp-asaka")) asaka = f;
        }
        assertThat(asaka).isNotNull();
        assertThat(asaka.get("jointUse").asString()).isEqualTo("II-4(b)");
        assertThat(asaka.get("zone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(asaka.get("hostNation").asString()).isEqualTo("JPN");
        assertThat(asaka.get("provenance").get("sources")).isNotEmpty();
    }

    @Test
    void agreementsAndForcePostureAnswerForTheDate() {
        assertThat(ids(officer().get("/api/v1/registry/agreements?asOf=2025-09-10").json())).doesNotContain("raa-jp-ph");
        assertThat(ids(officer().get("/api/v1/registry/agreements?asOf=2025-09-11").json())).contains("raa-jp-ph", "raa-jp-au");
        JsonNode posture = officer().get("/api/v1/registry/force-posture?asOf=2000-01-01").json();
        assertThat(posture).hasSize(1);
        assertThat(posture.get(0).get("value").asDouble()).isEqualTo(47000.0);
    }

    @Test
    void aBadDateIsAProblemThatSaysWhatWasWrong() {
        Api.Response r = officer().get("/api/v1/registry/organizations?asOf=14.03.2005");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("asOf").contains("YYYY-MM-DD").contains("14.03.2005");
    }

    @Test
    void anUnknownIdIsNotFoundAsProblemJson() {
        Api.Response r = officer().get("/api/v1/registry/organizations/no-such-command?asOf=2025-06-01");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("no-such-command");
        Api.Response early = officer().get("/api/v1/registry/organizations/jjoc?asOf=2005-03-14");
        assertThat(early.status()).isEqualTo(404);
    }

    @Test
    void searchFindsOrganizationsAndFacilitiesAPageAtATime() {
        JsonNode camp = officer().get("/api/v1/registry/search?q=camp&asOf=2025-06-01&size=3").json();
        assertThat(camp.get("total").asInt()).isGreaterThan(3);
        assertThat(camp.get("items")).hasSize(3);
        JsonNode jjoc2005 = officer().get("/api/v1/registry/search?q=joint%20operations&asOf=2005-03-14").json();
        assertThat(jjoc2005.get("total").asInt()).isZero();
        assertThat(officer().get("/api/v1/registry/search?q=x&size=0").status()).isEqualTo(400);
    }

    @Test
    void aNofornUnitLeavesNoTraceForAJapaneseReader() {
        Api usa = Api.on(port).as("usa.officer", "demo");
        assertThat(ids(usa.get("/api/v1/registry/organizations?asOf=2025-06-01").json())).contains("leak-noforn-cell");
        assertThat(ids(officer().get("/api/v1/registry/organizations?asOf=2025-06-01").json())).doesNotContain("leak-noforn-cell");

        Api.Response hidden = officer().get("/api/v1/registry/organizations/leak-noforn-cell?asOf=2025-06-01");
        Api.Response missing = officer().get("/api/v1/registry/organizations/leak-nothing-here?asOf=2025-06-01");
        assertThat(hidden.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(hidden.json().get("detail").asString().replace("leak-noforn-cell", "ID"))
                .isEqualTo(missing.json().get("detail").asString().replace("leak-nothing-here", "ID"));
        assertThat(hidden.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());

        JsonNode usfj = officer().get("/api/v1/registry/organizations/usfj?asOf=2025-06-01").json();
        assertThat(ids(usfj.get("subordinates"))).doesNotContain("leak-noforn-cell");
        assertThat(ids(officer().get("/api/v1/registry/relations?asOf=2025-06-01").json()))
                .doesNotContain("leak-link").noneMatch(id -> id.contains("leak-noforn-cell"));
        assertThat(ids(officer().get("/api/v1/registry/organizations/jjoc?asOf=2025-06-01").json().get("coordinationPartners")))
                .doesNotContain("leak-noforn-cell");
        assertThat(ids(usa.get("/api/v1/registry/relations?asOf=2025-06-01").json())).contains("leak-link");

        JsonNode search = officer().get("/api/v1/registry/search?q=special&asOf=2025-06-01").json();
        assertThat(search.get("total").asInt()).isZero();
        assertThat(search.get("items")).isEmpty();
        assertThat(usa.get("/api/v1/registry/search?q=special&asOf=2025-06-01").json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aReadableItemDoesNotNameAWithheldOrganization() {
        // Leak 12: the id of the NOFORN cell must not show through a readable unit's parent or a readable range's hosts.
        Api usa = Api.on(port).as("usa.officer", "demo");
        JsonNode detachment = usa.get("/api/v1/registry/organizations/leak-cell-detachment?asOf=2025-06-01").json().get("organization");
        assertThat(detachment.get("parent").asString()).isEqualTo("leak-noforn-cell");
        assertThat(detachment.get("componentOf").asString()).isEqualTo("leak-noforn-cell");
        assertThat(usa.get("/api/v1/registry/facilities/leak-host-range?asOf=2025-06-01").json().get("hosts").toString())
                .contains("leak-noforn-cell", "usfj");

        Api.Response orgs = officer().get("/api/v1/registry/organizations?asOf=2025-06-01");
        assertThat(ids(orgs.json())).contains("leak-cell-detachment");
        assertThat(orgs.body()).doesNotContain("leak-noforn-cell");
        Api.Response view = officer().get("/api/v1/registry/organizations/leak-cell-detachment?asOf=2025-06-01");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).doesNotContain("leak-noforn-cell");
        assertThat(view.json().get("organization").has("parent")).isFalse();
        assertThat(view.json().get("organization").has("componentOf")).isFalse();
        Api.Response facilities = officer().get("/api/v1/registry/facilities?asOf=2025-06-01");
        assertThat(ids(facilities.json())).contains("leak-host-range");
        assertThat(facilities.body()).doesNotContain("leak-noforn-cell");
        Api.Response range = officer().get("/api/v1/registry/facilities/leak-host-range?asOf=2025-06-01");
        assertThat(range.status()).isEqualTo(200);
        assertThat(range.body()).doesNotContain("leak-noforn-cell");
        assertThat(range.json().get("hosts").toString()).contains("usfj");
    }

    @Test
    void aNationalityOrClearanceAssertedByTheCallerGrantsNothing() throws Exception {
        // Leak 15: only the node's own user store says who a reader is; claims in the request do not count.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/v1/registry/organizations?asOf=2025-06-01&nation=USA&clearance=TOP%20SECRET"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("jpn.officer:demo".getBytes()))
                .header("X-Kizuna-Nation", "USA").header("X-Kizuna-Clearance", "TOP SECRET").header("X-Forwarded-User", "usa.officer")
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"usfj\"").doesNotContain("leak-noforn-cell");
    }

    @Test
    void releasabilityDecidesWhoSeesAFacilityAndClearanceDecidesToo() {
        Api usa = Api.on(port).as("usa.officer", "demo");
        Api clerk = Api.on(port).as("usa.clerk", "demo");
        Api aus = Api.on(port).as("aus.officer", "demo");
        assertThat(ids(usa.get("/api/v1/registry/facilities?asOf=2025-06-01").json())).contains("leak-uk-range");
        assertThat(ids(officer().get("/api/v1/registry/facilities?asOf=2025-06-01").json())).doesNotContain("leak-uk-range");
        assertThat(ids(aus.get("/api/v1/registry/facilities?asOf=2025-06-01").json())).doesNotContain("leak-uk-range");
        assertThat(ids(clerk.get("/api/v1/registry/facilities?asOf=2025-06-01").json())).doesNotContain("leak-uk-range").contains("yokota");
        assertThat(usa.get("/api/v1/registry/facilities/leak-uk-range?asOf=2025-06-01").json().get("label").asString())
                .isEqualTo("SECRET//REL TO USA, GBR");
    }

    @Test
    void unauthenticatedCallsGet401() {
        Api.Response r = Api.on(port).get("/api/v1/registry/organizations?asOf=2025-06-01");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(Api.on(port).as("jpn.officer", "wrong").get("/api/v1/registry/organizations").status()).isEqualTo(401);
        assertThat(Api.on(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
