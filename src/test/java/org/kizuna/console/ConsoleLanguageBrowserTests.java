package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Japanese officer's browser gets the console in Japanese from the login page on; the language switch on every
 * page changes it for the user (stored in the profile, so it follows the user to another browser); both languages
 * pass axe-core's WCAG 2.1 AA rules without a serious or critical violation.
 */
@H2Node
class ConsoleLanguageBrowserTests {

    @LocalServerPort int port;

    @AfterEach
    void backToTheBrowsersLanguage() {
        Api.on(port).as("usa.clerk", "demo").put("/api/v1/me/preferences", "{\"language\":null}");
    }

    @Test
    void theConsoleSpeaksTheBrowsersLanguageUntilTheUserChoosesAnother() {
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.go("/login");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
            assertThat(browser.driver().findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("サインイン");
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.login("usa.clerk", "demo").go("/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#nav a")).size() > 3);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("同盟調整");
            assertThat(browser.driver().findElement(By.id("nav")).getText()).contains("予約").contains("ピクチャー");
            assertThat(browser.driver().findElement(By.id("logout")).getText()).isEqualTo("サインアウト");
            // the home page is the user's desk: its banners, top and bottom, are the roll-up of what the desk shows
            browser.waitFor(Duration.ofSeconds(15), d -> "true".equals(d.findElement(By.id("desk")).getAttribute("data-loaded")) ? true : null);
            assertThat(browser.driver().findElement(By.id("page-banner-bottom")).getText())
                    .isEqualTo(browser.driver().findElement(By.id("page-banner")).getText()).matches("^(UNCLASSIFIED|CONFIDENTIAL).*");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("console-home-ja");

            new Select(browser.driver().findElement(By.id("language"))).selectByValue("en");
            browser.waitFor(Duration.ofSeconds(15), d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                    && d.findElements(By.cssSelector("#nav a")).size() > 3);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Alliance coordination");
            assertThat(browser.driver().findElement(By.id("nav")).getText()).contains("Bookings");
            assertThat(browser.accessibilityProblems()).isEmpty();
        }
        assertThat(Api.on(port).as("usa.clerk", "demo").acceptingLanguage("ja").get("/api/v1/me").json().get("language").asString())
                .as("the choice is the user's, over the browser's").isEqualTo("en");
    }
}
