package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The plans page: two versions of the demo roadmap side by side with the changed words marked, an approval by hash, and
 * in Japanese a plan that prints under its banner with each section's mark; every state passes axe-core's WCAG 2.1 AA
 * rules.
 */
@H2Node
class PlansPageBrowserTests {

    @LocalServerPort int port;

    String roadmap(Api api) {
        for (JsonNode p : api.get("/api/v1/plans").json()) {
            // plans other tests wrote may have a title this reader may not read (left out of the JSON)
            if (p.has("title") && p.get("title").asString().startsWith("Shared training area roadmap")) return p.get("id").asString();
        }
        throw new AssertionError("the demo roadmap is missing");
    }

    @Test
    void twoVersionsSideBySideWithTheChangedWordsMarked() {
        String id = roadmap(Api.on(port).as("jpn.officer", "demo"));
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/plans/?plan=" + id + "&from=1&to=2");
            List<WebElement> rows = browser.waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> r = d.findElements(By.cssSelector(".diff-row[data-key]"));
                return r.size() >= 5 ? r : null;
            });
            WebElement objective = rows.stream().filter(r -> "s1".equals(r.getAttribute("data-key"))).findFirst().orElseThrow();
            assertThat(objective.getAttribute("data-change")).isEqualTo("CHANGED");
            assertThat(objective.findElement(By.cssSelector("del.changed")).getText()).isEqualTo("three");
            assertThat(objective.findElement(By.cssSelector("ins.changed")).getText()).isEqualTo("four");
            assertThat(rows.stream().filter(r -> "ADDED".equals(r.getAttribute("data-change"))).findFirst().orElseThrow().getText()).contains("Phase 3");
            // the review section was renumbered: its heading is marked, its text is not
            WebElement review = rows.stream().filter(r -> "s4".equals(r.getAttribute("data-key"))).findFirst().orElseThrow();
            assertThat(review.findElement(By.cssSelector("h3 del.changed")).getText()).isEqualTo("4. Review");
            assertThat(review.findElements(By.cssSelector("div > del.changed"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("page-banner")).getText()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
            assertThat(browser.accessibilityProblems()).as("two versions side by side").isEmpty();
            browser.screenshot("plans-diff");

            browser.go("/plans/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#list tr[data-plan]")).isEmpty() ? null : true);
            assertThat(browser.driver().findElement(By.id("list")).getText()).contains("Realignment roadmap");
            assertThat(browser.accessibilityProblems()).as("the list").isEmpty();
        }
    }

    @Test
    void theDesignatedApproverApprovesTheHashTheButtonShows() {
        Api usa = Api.on(port).as("usa.officer", "demo");
        JsonNode p = usa.post("/api/v1/plans", """
                {"title": "Browser approval", "marking": "(U)", "kind": "CONTINGENCY", "nations": ["USA", "JPN"],
                 "approvers": {"USA": "usa.officer", "JPN": "jpn.officer"}, "sections": [{"heading": "Purpose", "marking": "(U)", "text": "Plan ahead."}]}""")
                .json();
        String id = p.get("id").asString(), hash = p.get("versions").get(0).get("hash").asString();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/plans/?plan=" + id);
            WebElement approve = browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.id("approve")).stream().findFirst().orElse(null));
            assertThat(approve.getText()).contains(hash.substring(0, 12));
            assertThat(browser.accessibilityProblems()).as("a plan with its editor").isEmpty();
            approve.click();
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElement(By.id("status")).getText().startsWith("approved version 1"));
        }
        JsonNode after = usa.get("/api/v1/plans/" + id).json().get("versions").get(0);
        assertThat(after.get("status").asString()).isEqualTo("DRAFT");
        assertThat(after.get("approvals").toString()).contains("\"approvedBy\":\"jpn.officer\"");
    }

    @Test
    void inJapaneseAPlanPrintsUnderItsBannerWithEverySectionsMark() {
        Api jpn = Api.on(port).as("jpn.officer", "demo");
        String id = roadmap(jpn);
        // a SECRET comment raises the page's banner; the comments are not printed, so the sheet's banner stays the plan's
        Api.Response comment = jpn.post("/api/v1/plans/" + id + "/comments", "{\"marking\": \"(S//REL TO USA, JPN)\", \"text\": \"印刷しない。\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("jpn.officer", "demo").go("/plans/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#list tr[data-plan]")).isEmpty() ? null : true);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("日米共同計画");
            assertThat(browser.driver().findElement(By.cssSelector("#list thead")).getText()).contains("計画").contains("最新の版");
            assertThat(browser.driver().findElement(By.id("list")).getText()).contains("再編ロードマップ");
            assertThat(browser.accessibilityProblems()).as("the list in Japanese").isEmpty();

            browser.go("/plans/?plan=" + id);
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector(".sections .section")).size() >= 5 ? true : null);
            assertThat(browser.driver().findElement(By.cssSelector(".sections h2")).getText()).startsWith("第2版");
            assertThat(browser.driver().findElement(By.cssSelector(".history")).getText()).contains("新しい版を作成");
            assertThat(browser.driver().findElement(By.id("print")).getText()).isEqualTo("印刷");
            assertThat(browser.accessibilityProblems()).as("a plan in Japanese").isEmpty();

            assertThat(browser.driver().findElement(By.id("page-banner")).getText()).startsWith("SECRET");

            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            ((ChromeDriver) browser.driver()).executeScript("window.dispatchEvent(new Event('beforeprint'))");
            assertThat(browser.driver().findElement(By.id("editor")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.cssSelector(".history")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("print")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("page-banner")).getText()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
            assertThat(browser.driver().findElement(By.id("page-banner-bottom")).getText()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
            List<String> sections = browser.driver().findElements(By.cssSelector(".sections .section h3")).stream().map(WebElement::getText).toList();
            assertThat(sections).contains("(U) 1. Objective", "(C//REL TO USA, JPN) 3. Phase 2");
            browser.screenshot("plans-print-ja");
        }
    }
}
