package org.kizuna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Demo users, hashed passwords and who the API says you are. */
@H2Node
class IdentityTests {

    @LocalServerPort int port;

    @Autowired UserDirectory users;

    @Autowired JdbcClient jdbc;

    @Test
    void demoModeCreatesTheDemoUsersWithTheirNationsAndClearances() {
        assertThat(users.all()).extracting(KizunaUser::username)
                .containsExactlyInAnyOrder("aus.officer", "jpn.officer", "usa.clerk", "usa.officer", "usa.auditor",
                        "jpn.clerk", "usa.planner", "usa.releaser", "usa.admin", "jpn.admin", "usa.analyst", "jpn.analyst");
        KizunaUser jpn = users.find("jpn.officer").orElseThrow();
        assertThat(jpn.nation()).isEqualTo("JPN");
        assertThat(jpn.clearance()).isEqualTo("SECRET");
        assertThat(jpn.roles()).contains(Role.PLANNER, Role.RELEASER);
        KizunaUser clerk = users.find("usa.clerk").orElseThrow();
        assertThat(clerk.clearance()).isEqualTo("CONFIDENTIAL");
        assertThat(clerk.roles()).containsExactly(Role.VIEWER);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesNeverInClear() {
        Map<String, Object> row = jdbc.sql("select password_hash from kizuna_user where username = 'usa.officer'").query().singleRow();
        String hash = (String) row.get("password_hash");
        assertThat(hash).startsWith("$2").doesNotContain("demo").hasSize(60);
    }

    @Test
    void meAnswersWhoIsCalling() {
        JsonNode me = Api.on(port).as("aus.officer", "demo").get("/api/v1/me").json();
        assertThat(me.get("nation").asString()).isEqualTo("AUS");
        assertThat(me.get("zone").asString()).isEqualTo("Australia/Sydney");
        assertThat(me.get("roles").toString()).contains("PLANNER").contains("RELEASER");
    }

    @Test
    void everyApiEndpointNeedsAUser() {
        assertThat(Api.on(port).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.on(port).get("/api/v1/console/nav").status()).isEqualTo(401);
        assertThat(Api.on(port).as("usa.clerk", "Demo").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.on(port).as("nobody", "demo").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void theConsolePagesNeedASessionButTheLoginPageDoesNot() {
        Api.Response page = Api.on(port).get("/registry/");
        assertThat(page.status()).isEqualTo(302);
        Api.Response login = Api.on(port).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"");
    }
}
