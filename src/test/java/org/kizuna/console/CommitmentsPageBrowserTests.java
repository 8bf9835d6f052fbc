package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The commitments page: commitments grouped by what is due, and Futenma's deadline moving over the years. */
@H2Node
class CommitmentsPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void commitmentsAreGroupedAndFutenmasDeadlineHistoryIsATimeline() {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/commitments/");
            WebElement done = browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#group-done tr[data-commitment]")).isEmpty()
                    ? null
                    : d.findElement(By.id("group-done")));
            assertThat(done.getText()).contains("Stand up the JSDF Joint Operations Command").contains("jjoc");
            assertThat(browser.driver().findElement(By.id("group-overdue")).getText()).contains("Overdue");
            browser.screenshot("commitments-groups");
            browser.go("/commitments/?id=futenma-frf");
            List<WebElement> steps = browser.waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> s = d.findElements(By.cssSelector("#deadline-timeline .step"));
                return s.size() >= 3 ? s : null;
            });
            assertThat(steps.getFirst().getText()).contains("2006-05-01").contains("2014-12-31");
            assertThat(steps.get(1).getText()).contains("2011-06").contains("unverified");
            assertThat(browser.driver().findElement(By.id("heading")).getText()).contains("Futenma");
            browser.screenshot("commitments-futenma");
        }
    }
}
