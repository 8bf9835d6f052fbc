package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff officer logs in, opens the registry and replays the structure back to 2005, in a real browser. */
@H2Node
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryPageBrowserTests {

    @LocalServerPort int port;

    Browser browser;

    @BeforeAll
    void open() {
        browser = Browser.open("http://localhost:" + port);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void movingTheDateBackTo2005MakesJjocDisappear() {
        browser.login("jpn.officer", "demo").go("/registry/");
        WebDriver d = browser.driver();
        browser.waitFor(Duration.ofSeconds(15), w -> !w.findElements(By.cssSelector("[data-org=jjoc]")).isEmpty());
        assertThat(d.findElements(By.cssSelector("[data-org=usfj]"))).isNotEmpty();
        assertThat(d.findElements(By.cssSelector("path[data-relation=usfj-jjoc]"))).as("coordination link drawn").isNotEmpty();
        assertThat(d.findElement(By.id("who")).getText()).contains("jpn.officer");
        assertThat(d.findElement(By.cssSelector(".banner")).getText()).isEqualTo("UNCLASSIFIED");
        assertThat(d.findElements(By.cssSelector("#facility-rows tr[data-facility=camp-asaka]"))).isNotEmpty();
        assertThat(d.findElements(By.cssSelector("#map path.leaflet-interactive, #map svg path"))).as("basemap and markers drawn").hasSizeGreaterThan(10);
        browser.screenshot("registry-today");

        ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('asOf'); i.value = '2005-03-14'; i.dispatchEvent(new Event('change'));");
        browser.waitFor(Duration.ofSeconds(10), w -> "2005-03-14".equals(w.findElement(By.id("structure")).getAttribute("data-as-of")));
        assertThat(d.findElements(By.cssSelector("[data-org=jjoc]"))).isEmpty();
        assertThat(d.findElements(By.cssSelector("[data-org=usfj]"))).isNotEmpty();
        assertThat(d.findElements(By.cssSelector("path[data-relation=usfj-jjoc]"))).isEmpty();
        browser.screenshot("registry-2005");
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
