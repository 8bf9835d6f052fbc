package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home page is the user's desk: usa.officer, a releaser and planner of the USA, finds the release usa.analyst asked
 * for waiting for it as second releaser and its nation's overdue commitment, each linking to its page, in English and in
 * Japanese, under the banner of what the desk shows, without a serious or critical accessibility violation.
 */
@H2Node
class DeskBrowserTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Test
    void theDeskShowsAPendingReleaseAndAnOverdueCommitmentToTheUserWhoMustAct() {
        String title = "EXERCISE: desk browser release " + UUID.randomUUID().toString().substring(0, 8);
        String report = DeskTests.pendingRelease(port, "usa.analyst", title);
        String commitment = DeskTests.overdueCommitment(jdbc, "UNCLASSIFIED");

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("usa.officer", "demo").go("/");
            loaded(browser);
            String intel = browser.driver().findElement(By.id("desk-intel")).getText();
            assertThat(intel).contains("Releases waiting for you").contains(title).contains("usa.analyst");
            assertThat(browser.driver().findElement(By.cssSelector("#desk-intel a[href='/intel/#" + report + "']")).getText()).contains(title);
            String commitments = browser.driver().findElement(By.id("desk-commitments")).getText();
            assertThat(commitments).contains("Desk test commitment " + commitment).contains("Overdue since").contains("2001");
            assertThat(browser.driver().findElements(By.cssSelector("#desk-commitments a[href='/commitments/?id=" + commitment + "']"))).hasSize(1);
            assertThat(browser.driver().findElement(By.id("desk-heading")).getText()).isEqualTo("Your desk");
            String banner = browser.waitFor(Duration.ofSeconds(10), DeskBrowserTests::bannerOnceRolledUp);
            assertThat(banner).as("the roll-up holds the NOFORN portion waiting for release").isEqualTo("SECRET//NOFORN");
            assertThat(browser.driver().findElement(By.id("page-banner-bottom")).getText()).isEqualTo(banner);
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("desk-en");

            browser.driver().findElement(By.cssSelector("#desk-intel a[href='/intel/#" + report + "']")).click();
            browser.waitFor(Duration.ofSeconds(15), d -> d.getCurrentUrl().endsWith("/intel/#" + report) ? true : null);
        }

        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("usa.officer", "demo").go("/");
            loaded(browser);
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
            assertThat(browser.driver().findElement(By.id("desk-heading")).getText()).isEqualTo("あなたのデスク");
            String intel = browser.driver().findElement(By.id("desk-intel")).getText();
            assertThat(intel).contains("あなたを待つリリース").contains(title).contains("二人目のリリース者");
            String commitments = browser.driver().findElement(By.id("desk-commitments")).getText();
            assertThat(commitments).contains("自国の期限が近い・期限切れのコミットメント").contains("Desk test commitment " + commitment).contains("期限切れ")
                    .contains("2001");
            String banner = browser.waitFor(Duration.ofSeconds(10), DeskBrowserTests::bannerOnceRolledUp);
            assertThat(banner).isEqualTo("SECRET//NOFORN");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("desk-ja");
        }
    }

    private static void loaded(Browser browser) {
        browser.waitFor(Duration.ofSeconds(20), d -> "true".equals(d.findElement(By.id("desk")).getAttribute("data-loaded")) ? true : null);
    }

    private static @org.jspecify.annotations.Nullable String bannerOnceRolledUp(WebDriver d) {
        String t = d.findElement(By.id("page-banner")).getText();
        return t.equals("UNCLASSIFIED") ? null : t;
    }
}
