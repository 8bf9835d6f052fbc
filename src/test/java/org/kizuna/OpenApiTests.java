package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The node publishes the description of its REST API at {@code /api/v1/openapi}, generated from the controllers, so
 * a partner's system or a script can be written against it; like every API path it needs a signed-in user.
 */
@H2Node
class OpenApiTests {

    @LocalServerPort int port;

    @Test
    void theDescriptionListsEveryModulesPathsWithTheirMethods() {
        Api.Response r = Api.on(port).as("jpn.officer", "demo").get("/api/v1/openapi");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Kizuna node USA");
        List<String> paths = new ArrayList<>();
        doc.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/v1/booking/requests", "/api/v1/registry/facilities/{id}", "/api/v1/picture/tracks",
                "/api/v1/labels/rollup", "/api/v1/audit/tree-head", "/api/v1/me");
        assertThat(paths).allMatch(p -> p.startsWith("/api/") || p.startsWith("/Marti/"));
        assertThat(doc.get("paths").get("/api/v1/booking/requests").has("post")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/booking/requests").has("get")).isTrue();
        // the signed-in user and its reader come from the sign-in, never from the request: no operation lists them
        List<String> parameters = new ArrayList<>();
        doc.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("parameters")) operation.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        }));
        assertThat(parameters).contains("id", "asOf").doesNotContain("user", "reader");
    }

    @Test
    void theConventionalAddressGivesTheSameDescriptionWithTheTakServerApi() {
        Api.Response r = Api.on(port).as("jpn.officer", "demo").get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        r.json().get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/v1/booking/requests", "/api/v1/me/preferences", "/Marti/api/version", "/Marti/api/tls/signClient/v2");
        assertThat(Api.on(port).get("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void theDescriptionNeedsASignedInUser() {
        Api.Response r = Api.on(port).get("/api/v1/openapi");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
