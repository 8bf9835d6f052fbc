package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.label.Label;
import org.kizuna.search.Searchable;
import org.kizuna.search.Searchable.Part;
import org.kizuna.search.SearchableChanged;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A JPN officer types a Japanese query into the search page and sees the report with its matching words marked, the
 * NOFORN title as "title not readable" and nothing of the NOFORN portion, in English and in Japanese, the page passing
 * axe-core's WCAG 2.1 AA rules; a USA officer sees the title; a refused query is told in the reader's language.
 */
@H2Node
class SearchPageBrowserTests {

    @LocalServerPort int port;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US, Search, title not readable, 1 record, report", "ja, 検索, 表題は閲覧できません, 1 件, 情報報告"})
    void aJapaneseQueryShowsMarkedSnippetsAndHidesWhatTheReaderMayNotRead(String language, String heading, String unreadable, String oneRecord,
            String kind) {
        Searchable report = new Searchable("report", "IR-BROWSER-1", "/intel/#IR-BROWSER-1", Instant.parse("2026-05-01T00:00:00Z"),
                List.of(new Part("title", Label.parse("SECRET//NOFORN"), "Codename Bluefin tasking"),
                        new Part("portion-1", Label.parse("SECRET//REL TO USA, JPN"), "掃海部隊は浦賀水道で訓練を実施した。<script>alert(1)</script>"),
                        new Part("portion-2", Label.parse("SECRET//NOFORN"), "掃海 Bluefin source reporting.")));
        transactions.executeWithoutResult(tx -> events.publishEvent(new SearchableChanged(report)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.on(port).as("usa.officer", "demo").get("/api/v1/search?q=bluefin").body().contains("IR-BROWSER-1"));

        try (Browser browser = Browser.open("http://localhost:" + port, language)) {
            browser.login("jpn.officer", "demo").go("/search/");
            WebElement box = browser.waitFor(Duration.ofSeconds(15), d -> d.findElement(By.id("q")));
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#nav a")).size() > 3);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(heading);
            assertThat(browser.accessibilityProblems()).isEmpty();
            box.sendKeys("掃海 浦賀水道", Keys.ENTER);
            WebElement hit = browser.waitFor(Duration.ofSeconds(15),
                    d -> d.findElements(By.cssSelector(".hit[data-id='IR-BROWSER-1']")).stream().findFirst().orElse(null));
            assertThat(hit.findElement(By.cssSelector(".title")).getText()).isEqualTo(unreadable);
            assertThat(hit.findElement(By.cssSelector(".meta .tag")).getText()).isEqualTo(kind);
            assertThat(hit.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("掃海", "浦賀水道");
            assertThat(hit.getText()).contains("<script>alert(1)</script>").doesNotContain("Bluefin");
            assertThat(browser.driver().findElements(By.cssSelector(".hit script"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo(oneRecord);
            assertThat(browser.driver().findElement(By.id("page-banner")).getText()).isEqualTo("SECRET//REL TO USA, JPN");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("search-jpn-" + language);
        }
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("usa.officer", "demo").go("/search/?q=" + java.net.URLEncoder.encode("掃海", java.nio.charset.StandardCharsets.UTF_8));
            WebElement hit = browser.waitFor(Duration.ofSeconds(15),
                    d -> d.findElements(By.cssSelector(".hit[data-id='IR-BROWSER-1']")).stream().findFirst().orElse(null));
            assertThat(hit.findElement(By.cssSelector(".title")).getText()).isEqualTo("Codename Bluefin tasking");
            assertThat(hit.getText()).contains("portion-1, portion-2");
            browser.screenshot("search-usa");
        }
    }

    @Test
    void aRefusedQueryIsToldInTheReadersLanguage() {
        Api jpn = Api.on(port).as("jpn.officer", "demo");
        assertThat(jpn.acceptingLanguage("ja").get("/api/v1/search?q=" + "a+".repeat(17)).json().get("detail").asString()).isEqualTo("q: 16語以内で指定してください");
        assertThat(jpn.acceptingLanguage("en").get("/api/v1/search?q=" + "a+".repeat(17)).json().get("detail").asString())
                .isEqualTo("q: must be at most 16 words");
        Api.Response tooLong = jpn.acceptingLanguage("ja").get("/api/v1/search?q=" + "x".repeat(201));
        assertThat(tooLong.json().get("title").asString()).isEqualTo("不正な要求");
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("q: 1〜200文字で指定してください");
    }
}
