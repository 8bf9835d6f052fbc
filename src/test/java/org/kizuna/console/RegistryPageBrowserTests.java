package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff officer logs in, opens the registry and replays the structure back to 2005, in a real browser, in English
 * and in Japanese (organizations by the names Japanese staffs use, facility kinds and headings in Japanese); an
 * organization is chosen with the keyboard; every state of the page passes axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class RegistryPageBrowserTests {

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en-US, Alliance structure, JSDF Joint Operations Command, United States Forces Japan, training area, Host nation, Camp Hansen",
            "ja, 同盟の組織構造, 統合作戦司令部, 在日米軍, 演習場, 受入国, キャンプ・ハンセン"})
    void movingTheDateBackTo2005MakesJjocDisappear(String language, String heading, String jjoc, String usfj, String trainingArea, String host,
            String hansen) {
        try (Browser browser = Browser.open("http://localhost:" + port, language)) {
            browser.login("jpn.officer", "demo").go("/registry/");
            WebDriver d = browser.driver();
            browser.waitFor(Duration.ofSeconds(15), w -> !w.findElements(By.cssSelector("[data-org=jjoc]")).isEmpty()
                    && !w.findElements(By.cssSelector("#facility-rows tr")).isEmpty());
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
            assertThat(d.findElement(By.cssSelector("[data-org=jjoc] .name")).getText()).isEqualTo(jjoc);
            assertThat(d.findElement(By.cssSelector("[data-org=usfj] .name")).getText()).startsWith(usfj);
            assertThat(d.findElements(By.cssSelector("path[data-relation=usfj-jjoc]"))).as("coordination link drawn").isNotEmpty();
            assertThat(d.findElement(By.id("who")).getText()).contains("jpn.officer");
            assertThat(d.findElement(By.cssSelector(".banner")).getText()).isEqualTo("UNCLASSIFIED");
            assertThat(d.findElement(By.cssSelector("#facility-rows tr[data-facility=camp-hansen]")).getText()).contains(trainingArea).contains(hansen);
            assertThat(d.findElement(By.cssSelector(".facilities thead")).getText()).containsIgnoringCase(host);
            assertThat(d.findElements(By.cssSelector("#map path.leaflet-interactive, #map svg path"))).as("basemap and markers drawn").hasSizeGreaterThan(10);
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("registry-today-" + language);

            // an organization is a button: chosen with the keyboard, its detail opens
            d.findElement(By.cssSelector("[data-org=jjoc]")).sendKeys(Keys.ENTER);
            browser.waitFor(Duration.ofSeconds(10), w -> w.findElement(By.id("detail")).isDisplayed());
            assertThat(d.findElement(By.cssSelector("#detail h2")).getText()).isEqualTo(jjoc + " (JJOC)");
            assertThat(d.findElement(By.cssSelector("[data-org=jjoc]")).getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(browser.accessibilityProblems()).isEmpty();

            ((JavascriptExecutor) d).executeScript(
                    "const i = document.getElementById('asOf'); i.value = '2005-03-14'; i.dispatchEvent(new Event('change'));");
            browser.waitFor(Duration.ofSeconds(10), w -> "2005-03-14".equals(w.findElement(By.id("structure")).getAttribute("data-as-of")));
            assertThat(d.findElements(By.cssSelector("[data-org=jjoc]"))).isEmpty();
            assertThat(d.findElements(By.cssSelector("[data-org=usfj]"))).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("path[data-relation=usfj-jjoc]"))).isEmpty();
            assertThat(d.findElement(By.id("status")).getText()).contains("2005");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("registry-2005-" + language);
        }
    }

    @Test
    void withoutASessionTheConsoleSendsYouToTheLoginPage() {
        try (Browser fresh = Browser.open("http://localhost:" + port)) {
            fresh.go("/registry/");
            assertThat(fresh.driver().getCurrentUrl()).contains("/login");
            fresh.driver().findElement(By.name("username")).sendKeys("jpn.officer");
            fresh.driver().findElement(By.name("password")).sendKeys("not-the-password");
            fresh.driver().findElement(By.cssSelector("button[type=submit]")).click();
            fresh.waitFor(Duration.ofSeconds(5), w -> w.getCurrentUrl().contains("error"));
            assertThat(fresh.driver().findElement(By.id("error")).isDisplayed()).isTrue();
        }
    }
}
