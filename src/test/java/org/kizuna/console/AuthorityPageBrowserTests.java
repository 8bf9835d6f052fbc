package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Japan's designated officer sets a gray-zone situation in the Southwest Islands from the authority page: the level in
 * force, its history and the support rules follow; a request for support is filed from the page with its outcome. In
 * Japanese the levels carry their Japanese names (重要影響事態) and a refused request is told in Japanese. Every state
 * passes axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class AuthorityPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void theDesignatedOfficerSetsALevelAndRequestsSupport() {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/authority/?region=southwest-islands");
            WebElement form = browser.waitFor(Duration.ofSeconds(20), d -> {
                WebElement f = d.findElement(By.id("level-form"));
                return f.isDisplayed() ? f : null;
            });
            assertThat(browser.accessibilityProblems()).as("the page of a designated officer").isEmpty();
            new Select(browser.driver().findElement(By.id("level-level"))).selectByValue("gray-zone");
            browser.driver().findElement(By.id("level-note")).sendKeys("armed group on a remote island");
            form.findElement(By.id("level-submit")).click();
            browser.waitFor(Duration.ofSeconds(20),
                    d -> d.findElements(By.cssSelector("#levels tr[data-region='southwest-islands'][data-level='gray-zone']")).isEmpty() ? null : true);
            WebElement setting = browser.driver().findElement(By.cssSelector("#history tr[data-level='gray-zone']"));
            assertThat(setting.getText()).contains("Gray-zone situation").contains("jpn.officer").contains("armed group on a remote island");
            assertThat(browser.driver().findElement(By.id("matrix-level")).getText()).contains("Gray-zone");
            WebElement rearArea = browser.driver().findElement(By.cssSelector("#matrix tr[data-kind='rear-area-support'] td.NOT_ALLOWED"));
            assertThat(rearArea.getText()).contains("not allowed").contains("gray-zone");

            new Select(browser.driver().findElement(By.id("req-to"))).selectByValue("USA");
            new Select(browser.driver().findElement(By.id("req-kind"))).selectByValue("supplies-services");
            browser.driver().findElement(By.id("req-description")).sendKeys("fuel for patrol vessels");
            browser.driver().findElement(By.id("req-submit")).click();
            WebElement row = browser.waitFor(Duration.ofSeconds(20),
                    d -> d.findElements(By.cssSelector("#requests tr[data-outcome='PENDING_DECISION']")).stream().findFirst().orElse(null));
            assertThat(row.getText()).contains("JPN \u2192 USA").contains("Supplies and services").contains("sent to USA for a decision");
            assertThat(browser.accessibilityProblems()).as("a level set and a request filed").isEmpty();
            browser.screenshot("authority");
        }
    }

    @Test
    void inJapaneseTheLevelsHaveTheirJapaneseNamesAndARefusedRequestIsJapanese() {
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("jpn.officer", "demo").go("/authority/?region=surrounding-areas");
            WebElement form = browser.waitFor(Duration.ofSeconds(20), d -> {
                WebElement f = d.findElement(By.id("level-form"));
                return f.isDisplayed() ? f : null;
            });
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("事態の認定と権限");
            assertThat(new Select(browser.driver().findElement(By.id("level-level"))).getOptions()).extracting(WebElement::getText)
                    .contains("平時", "重要影響事態", "存立危機事態", "武力攻撃事態・武力攻撃予測事態");
            assertThat(browser.accessibilityProblems()).as("the page in Japanese").isEmpty();

            new Select(browser.driver().findElement(By.id("level-level"))).selectByValue("important-influence");
            browser.driver().findElement(By.id("level-note")).sendKeys("閣議決定");
            form.findElement(By.id("level-submit")).click();
            browser.waitFor(Duration.ofSeconds(20),
                    d -> d.findElements(By.cssSelector("#levels tr[data-region='surrounding-areas'][data-level='important-influence']"))
                            .isEmpty() ? null : true);
            // the history is newest first and may hold an earlier important-influence entry until it is read again
            String entry = browser.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#history tr[data-level='important-influence']"))
                    .stream().map(WebElement::getText).filter(t -> t.contains("閣議決定")).findFirst().orElse(null));
            assertThat(entry).contains("重要影響事態").contains("jpn.officer");
            assertThat(browser.driver().findElement(By.id("matrix-level")).getText()).isEqualTo("周辺地域における重要影響事態");

            // needed until a day before needed from: refused, in Japanese
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('req-from').value = '2030-01-10'; document.getElementById('req-until').value = '2030-01-05';");
            browser.driver().findElement(By.id("req-description")).sendKeys("燃料");
            browser.driver().findElement(By.id("req-submit")).click();
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).isEqualTo("neededTo: neededFrom（2030-01-10）より前の日付は指定できません（指定値: 2030-01-05）");
            assertThat(browser.accessibilityProblems()).as("a refused request in Japanese").isEmpty();
            browser.screenshot("authority-ja");
        }
    }
}
