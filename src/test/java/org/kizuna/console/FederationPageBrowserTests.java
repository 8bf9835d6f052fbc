package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An administrator adds a partner's node (pending until its fingerprint is approved) and the Federation page lists it
 * with the state of its links, in English and in Japanese, passing axe-core's WCAG 2.1 AA rules; the peer API's problems
 * are told in the reader's language.
 */
@H2Node
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationPageBrowserTests {

    @LocalServerPort int port;

    /** A pending JPN peer (its certificate this node's own CA's: it is never approved, so no link is tried). */
    @BeforeAll
    void aPendingPeer() {
        Api admin = Api.on(port).as("usa.admin", "demo");
        String ca = admin.get("/api/v1/federation/identity").json().get("caCertificate").asString();
        ObjectNode peer = JsonNodeFactory.instance.objectNode().put("nation", "JPN").put("address", "localhost:1").put("caCertificate", ca);
        Api.Response added = admin.post("/api/v1/federation/peers", peer.toString());
        assertThat(added.status()).as(added.body()).isIn(201, 409);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US, Federation, pending approval, down, Nation, is not admitted", "ja, ノード間連携, 承認待ち, 切断, 国, は未承認です"})
    void thePageListsThePeersWithTheStateOfTheirLinks(String language, String heading, String pending, String down, String nation, String notAdmitted) {
        try (Browser browser = Browser.open("http://localhost:" + port, language)) {
            browser.login("usa.admin", "demo").go("/federation/");
            WebDriver d = browser.driver();
            String row = browser.waitFor(Duration.ofSeconds(15), w -> w.findElements(By.cssSelector("#peers tr[data-peer=JPN]")).stream()
                    .findFirst().map(r -> r.getText()).orElse(null));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
            assertThat(row).contains("JPN").contains(pending).contains(down).contains("localhost:1").contains(notAdmitted);
            assertThat(d.findElement(By.cssSelector("#peers thead")).getText()).containsIgnoringCase(nation);
            assertThat(d.findElement(By.id("identity")).getText()).contains("USA");
            assertThat(d.findElement(By.id("page-banner")).getText()).isEqualTo("UNCLASSIFIED");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("federation-" + language);
        }
    }

    @Test
    void thePeerApisProblemsAreToldInTheReadersLanguage() {
        Api admin = Api.on(port).as("usa.admin", "demo");
        assertThat(admin.acceptingLanguage("ja").get("/api/v1/federation/peers/AUS").json().get("detail").asString())
                .isEqualTo("このノードに相手国ノード AUS はありません");
        assertThat(admin.acceptingLanguage("en").get("/api/v1/federation/peers/AUS").json().get("detail").asString())
                .isEqualTo("no peer AUS on this node");
        ObjectNode self = JsonNodeFactory.instance.objectNode().put("nation", "USA").put("address", "localhost:1").put("caCertificate", "x");
        Api.Response refused = admin.acceptingLanguage("ja").post("/api/v1/federation/peers", self.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("自国と連携できません");
        Api.Response invalid = admin.acceptingLanguage("ja").post("/api/v1/federation/peers", "{\"nation\":\"jp\",\"address\":\"x\",\"caCertificate\":\"x\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("nation: 国は JPN のような").contains("address: host:port の形で");
    }
}
