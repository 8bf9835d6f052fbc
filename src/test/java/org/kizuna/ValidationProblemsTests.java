package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input that breaks the Bean Validation constraints of a request body or a parameter is a 400 problem+json whose
 * detail names each field with what is wrong with it, and changes nothing; a parameter of the wrong type says what
 * form it must have. Never any exception text.
 */
@H2Node
class ValidationProblemsTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    /** The detail of a clean 400 problem. */
    static String badRequest(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("java.").doesNotContain("org.");
        assertThat(r.json().get("title").asString()).isEqualTo("Bad request");
        return r.json().get("detail").asString();
    }

    long bookingRows() {
        return jdbc.sql("select count(*) from booking_request").query(Long.class).single();
    }

    @Test
    void aBookingRequestWithoutItsFieldsNamesEachOne() {
        long before = bookingRows();
        String detail = badRequest(as("usa.officer").post("/api/v1/booking/requests", "{\"durationMinutes\": 0, \"priority\": 0, \"noisy\": false}"));
        assertThat(detail).contains("unit: name the unit the request is for")
                .contains("facilities: name at least one acceptable facility")
                .contains("label: give the request's label, such as UNCLASSIFIED")
                .contains("earliestStart: is required").contains("latestStart: is required").contains("preferredStart: is required")
                .contains("durationMinutes: must be a multiple of 30 between 30 and 20160")
                .contains("priority: must be 1 (low) to 5 (high)");
        assertThat(bookingRows()).isEqualTo(before);
    }

    @Test
    void aBookingRequestOutOfRangeNamesTheFieldsThatAre() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30));
        long before = bookingRows();
        String detail = badRequest(as("usa.officer").post("/api/v1/booking/requests", """
                {"unit": "iii-mef", "facilities": ["yokosuka", "%s"], "durationMinutes": 20000000, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 9, "noisy": false, "label": "UNCLASSIFIED"}""".formatted("y".repeat(65), at, at, at)));
        assertThat(detail).isEqualTo("durationMinutes: must be a multiple of 30 between 30 and 20160; "
                + "facilities: a facility id is at most 64 characters; priority: must be 1 (low) to 5 (high)");
        assertThat(bookingRows()).isEqualTo(before);
    }

    @Test
    void aProposalWithoutAStartSaysItIsRequired() {
        assertThat(badRequest(as("usa.officer").post("/api/v1/booking/requests/BR-nosuch00/proposal", "{}")))
                .isEqualTo("preferredStart: is required, an ISO instant such as 2026-12-01T00:00:00Z");
    }

    @Test
    void aParameterOfTheWrongTypeSaysWhatFormItMustHave() {
        assertThat(badRequest(as("jpn.officer").get("/api/v1/booking/facilities/misawa/reserved?from=yesterday")))
                .isEqualTo("from must be an instant in ISO 8601 form, such as 2026-12-01T00:00:00Z; got 'yesterday'");
        assertThat(badRequest(as("usa.officer").get("/api/v1/registry/facilities?asOf=14.03.2005")))
                .isEqualTo("asOf must be a date in ISO form YYYY-MM-DD, such as 2005-03-14; got '14.03.2005'");
        assertThat(badRequest(as("usa.officer").get("/api/v1/registry/search?q=camp&size=ten")))
                .isEqualTo("size must be a whole number; got 'ten'");
    }

    @Test
    void registrySearchParametersOutOfRangeAreNamed() {
        Api usa = as("usa.officer");
        assertThat(badRequest(usa.get("/api/v1/registry/search?q=%20%20"))).isEqualTo("q: must be 1 to 100 characters");
        assertThat(badRequest(usa.get("/api/v1/registry/search?q=" + "x".repeat(101)))).isEqualTo("q: must be 1 to 100 characters");
        assertThat(badRequest(usa.get("/api/v1/registry/search?q=camp&page=-1&size=500")))
                .isEqualTo("page: must be 0 or more; size: must be between 1 and 200");
        assertThat(usa.get("/api/v1/registry/search?q=camp&page=0&size=200").status()).isEqualTo(200);
    }

    @Test
    void auditPagesOutOfRangeAreNamed() {
        Api auditor = as("usa.auditor");
        assertThat(badRequest(auditor.get("/api/v1/audit/entries?from=-1&limit=0")))
                .isEqualTo("from: must be 0 or more; limit: must be between 1 and 1000");
        assertThat(badRequest(auditor.get("/api/v1/audit/entries?limit=1001"))).isEqualTo("limit: must be between 1 and 1000");
        assertThat(auditor.get("/api/v1/audit/entries?limit=1000").status()).isEqualTo(200);
    }

    @Test
    void tooManyMarkingsAtOnceAreRefused() {
        String many = "[" + String.join(",", Collections.nCopies(10_001, "\"UNCLASSIFIED\"")) + "]";
        assertThat(badRequest(as("usa.officer").post("/api/v1/labels/rollup", many)))
                .isEqualTo("markings: at most 10,000 markings can be rolled up at once");
        String most = "[" + String.join(",", Collections.nCopies(10_000, "\"UNCLASSIFIED\"")) + "]";
        assertThat(as("usa.officer").post("/api/v1/labels/rollup", most).status()).isEqualTo(200);
    }
}
