package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A US officer writes a report with a NOFORN portion on the Intelligence page, sees its marks and banners and asks
 * for its release to Japan, which waits for a second releaser; a Japanese officer's list never shows the NOFORN demo
 * report, and the second releaser's approval makes the portion appear on the Japanese officer's page. In Japanese the
 * page, its dates and its problems are Japanese, and a report prints alone under its own banner with every portion's
 * mark; every state of the page passes axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class IntelPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void writeAReportAndReleaseAPortionWithTwoReleasers() {
        String id;
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("usa.officer", "demo").go("/intel/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#reports tbody tr")).size() >= 5 ? true : null);
            assertThat(browser.driver().findElement(By.id("reports")).getText()).contains("EXERCISE: assessment for US eyes only");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Intelligence reports");
            assertThat(browser.accessibilityProblems()).as("the list").isEmpty();
            browser.driver().findElement(By.id("new")).click();
            WebElement titleMark = browser.driver().findElement(By.name("titleMarking"));
            titleMark.clear();
            titleMark.sendKeys("(S//NF)");
            browser.driver().findElement(By.name("titleText")).sendKeys("EXERCISE: browser test report");
            WebElement mark = browser.driver().findElement(By.name("pm"));
            mark.clear();
            mark.sendKeys("(S//NF)");
            browser.driver().findElement(By.name("pt")).sendKeys("EXERCISE: a portion for US eyes only, until released");
            // observed at 09:30 on 1 December 2026 of usa.officer's own zone (Asia/Tokyo), which is 00:30 UTC
            assertThat(browser.driver().findElement(By.id("observed-at-label")).getText()).contains("Asia/Tokyo");
            ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('[name=observedAt]').value = '2026-12-01T09:30'");
            browser.driver().findElement(By.name("lat")).sendKeys("33.1");
            browser.driver().findElement(By.name("lon")).sendKeys("129.8");
            assertThat(browser.accessibilityProblems()).as("the form for a new report").isEmpty();
            browser.driver().findElement(By.cssSelector("#compose button[type=submit]")).click();
            String top = browser.waitFor(Duration.ofSeconds(15), d -> {
                String t = d.findElement(By.id("banner-top")).getText();
                return t.isEmpty() ? null : t;
            });
            assertThat(top).isEqualTo("SECRET//NOFORN");
            assertThat(browser.driver().findElement(By.id("banner-bottom")).getText()).isEqualTo("SECRET//NOFORN");
            assertThat(browser.driver().findElement(By.id("portions")).getText()).contains("(S//NF)");
            id = browser.driver().getCurrentUrl().substring(browser.driver().getCurrentUrl().indexOf('#') + 1);
            assertThat(Api.on(port).as("usa.officer", "demo").get("/api/v1/intel/reports/" + id).json().get("observedAt").asString())
                    .isEqualTo("2026-12-01T00:30:00Z");
            assertThat(browser.driver().findElement(By.id("meta")).getText()).contains("observed Dec 1, 2026, 9:30 AM");
            assertThat(browser.accessibilityProblems()).as("a report").isEmpty();
            browser.screenshot("intel-report");

            browser.driver().findElement(By.name("portion")).sendKeys("1");
            browser.driver().findElement(By.name("to")).sendKeys("JPN");
            browser.driver().findElement(By.cssSelector("#release button")).click();
            String status = browser.waitFor(Duration.ofSeconds(15), d -> {
                String s = d.findElement(By.id("status")).getText();
                return s.contains("pending") ? s : null;
            });
            assertThat(status).contains("second releaser");
            browser.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("pending")).getText().contains(id) ? true : null);
            assertThat(browser.accessibilityProblems()).as("a release waiting for its second releaser").isEmpty();
            browser.screenshot("intel-release-pending");
        }
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/intel/#" + id);
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).contains("no report");
            assertThat(browser.driver().findElement(By.id("reports")).getText()).doesNotContain("assessment for US eyes only")
                    .doesNotContain("browser test report");
            assertThat(browser.accessibilityProblems()).as("a report the reader may not read").isEmpty();

            Api.Response second = Api.on(port).as("usa.analyst", "demo").post("/api/v1/intel/reports/" + id + "/releases",
                    "{\"portion\": \"1\", \"to\": [\"JPN\"]}");
            assertThat(second.status()).as(second.body()).isEqualTo(200);

            browser.driver().navigate().refresh();
            String portions = browser.waitFor(Duration.ofSeconds(15), d -> {
                String t = d.findElement(By.id("portions")).getText();
                return t.contains("until released") ? t : null;
            });
            assertThat(portions).contains("(S//REL TO USA, JPN)");
            assertThat(browser.driver().findElement(By.id("title")).getText()).isEqualTo("title withheld");
            assertThat(browser.driver().findElement(By.id("banner-top")).getText()).isEqualTo("SECRET//REL TO USA, JPN");
            assertThat(browser.accessibilityProblems()).as("a released portion under a withheld title").isEmpty();
            browser.screenshot("intel-released-jpn");
        }
    }

    @Test
    void inJapaneseTheReportAndItsProblemsAreJapaneseAndTheReportPrintsUnderItsBanner() {
        JsonNode report = Api.on(port).as("jpn.officer", "demo").post("/api/v1/intel/reports", """
                {"title": {"marking": "(U)", "text": "EXERCISE: printable report"},
                 "portions": [{"marking": "(C//REL TO USA, JPN)", "text": "EXERCISE: the first portion"},
                              {"marking": "(U)", "text": "EXERCISE: the second portion"}]}""").json();
        String id = report.get("id").asString();
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("jpn.officer", "demo").go("/intel/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#reports tbody tr")).isEmpty() ? null : true);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("情報報告");
            assertThat(browser.driver().findElement(By.cssSelector("#reports thead")).getText()).contains("件名").contains("作成日時");
            assertThat(browser.driver().findElement(By.id("new")).getText()).isEqualTo("新規報告");
            // dates in Japanese: 2026/12/07 11:21 JST, not an ISO instant
            String written = browser.driver().findElement(By.cssSelector("#reports tbody tr td:last-child")).getText();
            assertThat(written).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2} \\S+").doesNotContain(":00Z");
            assertThat(browser.accessibilityProblems()).as("the list in Japanese").isEmpty();

            browser.go("/intel/#no-such-report");
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).isEqualTo("報告「no-such-report」、またはその中の該当する部分はありません");

            browser.go("/intel/#" + id);
            browser.driver().navigate().refresh();
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElement(By.id("portions")).getText().contains("second portion") ? true : null);
            assertThat(browser.driver().findElement(By.id("meta")).getText()).contains("作成者 jpn.officer").contains("発出国 JPN");
            assertThat(browser.driver().findElement(By.id("print")).getText()).isEqualTo("印刷");
            assertThat(browser.accessibilityProblems()).as("a report in Japanese").isEmpty();

            // printed: the report alone under its own banner (top and bottom), each portion after its mark
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            ((JavascriptExecutor) browser.driver()).executeScript("window.dispatchEvent(new Event('beforeprint'))");
            assertThat(browser.driver().findElement(By.cssSelector(".list-panel")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("release")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("print")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("page-banner")).getText()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
            assertThat(browser.driver().findElement(By.id("page-banner-bottom")).getText()).isEqualTo("CONFIDENTIAL//REL TO USA, JPN");
            assertThat(browser.driver().findElement(By.id("page-banner-bottom")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("portions")).getText())
                    .contains("(C//REL TO USA, JPN)EXERCISE: the first portion").contains("(U)EXERCISE: the second portion");
            browser.screenshot("intel-print-ja");
        }
    }
}
