package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's roll-up service answers with the banner of its parts, or a problem naming a bad marking. */
@H2Node
class LabelApiTests {

    @LocalServerPort int port;

    @Test
    void rollsUpTheLabelsOfWhatAPageShows() {
        Api api = Api.on(port).as("usa.officer", "demo");
        Api.Response r = api.post("/api/v1/labels/rollup", "[\"SECRET//REL TO USA, JPN\", \"CONFIDENTIAL//REL TO USA, AUS, JPN\", \"UNCLASSIFIED\"]");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("banner").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(api.post("/api/v1/labels/rollup", "[\"SECRET//NOFORN\", \"SECRET//REL TO USA, JPN\"]").json().get("banner").asString())
                .isEqualTo("SECRET//NOFORN");
    }

    @Test
    void aRollUpNarrowedToTheOwnerIsMarkedNoforn() {
        Api api = Api.on(port).as("usa.officer", "demo");
        Api.Response r = api.post("/api/v1/labels/rollup", "[\"(C//REL TO USA, GBR)\", \"(S//REL TO USA, JPN)\"]");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("banner").asString()).isEqualTo("SECRET//NOFORN");
        assertThat(r.json().get("portionMark").asString()).isEqualTo("(S//NF)");
        assertThat(api.post("/api/v1/labels/rollup", "[\"(S)\", \"(C//REL TO USA, JPN)\"]").json().get("banner").asString()).isEqualTo("SECRET//NOFORN");
        assertThat(api.post("/api/v1/labels/rollup", "[\"(S)\", \"(C)\"]").json().get("banner").asString()).isEqualTo("SECRET");
    }

    @Test
    void aMarkingThatDoesNotParseIsAProblemSayingWhy() {
        Api.Response r = Api.on(port).as("usa.officer", "demo").post("/api/v1/labels/rollup", "[\"secret//rel to usa, jpn\"]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }
}
