package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A JPN planner opens the roles-and-missions page: the demo's gap and duplication show in the heat map and the analysis,
 * and the date control goes back in time; in Japanese the matrix (the areas and regions by their Japanese names), the findings and the changes are Japanese. Every state
 * passes axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class MissionsPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void theMatrixShowsTheGapAndTheDuplicationAndTheDateControlMovesIt() {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/missions/");
            WebElement gap = browser.waitFor(Duration.ofSeconds(20),
                    d -> d.findElements(By.cssSelector("td[data-cell='cyber|southwest-islands']")).stream().findFirst().orElse(null));
            assertThat(gap.getAttribute("class")).contains("gap");
            WebElement duplicated = browser.driver().findElement(By.cssSelector("td[data-cell='amphibious|southwest-islands']"));
            assertThat(duplicated.getAttribute("class")).contains("duplicated");
            assertThat(duplicated.getText()).contains("JPN").contains("ardb lead").contains("USA").contains("iii-mef lead");
            assertThat(browser.driver().findElements(By.cssSelector("td.cell.covered"))).hasSize(8 * 3 - 2);
            String findings = browser.driver().findElement(By.id("findings")).getText();
            assertThat(findings).contains("Cyber in Southwest Islands has no lead").contains("Amphibious operations in Southwest Islands has 2 leads");
            assertThat(browser.accessibilityProblems()).as("the matrix of today").isEmpty();
            browser.screenshot("missions-today");

            // back to 1 January 2023: before the second lead was recorded, the cell was covered
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "const i = document.getElementById('asOf'); i.value = '2023-01-01'; i.dispatchEvent(new Event('change'));");
            browser.waitFor(Duration.ofSeconds(20), d -> "2023-01-01".equals(d.findElement(By.id("matrix")).getAttribute("data-as-of")) ? true : null);
            assertThat(browser.driver().findElement(By.cssSelector("td[data-cell='amphibious|southwest-islands']")).getAttribute("class")).contains("covered");
            assertThat(browser.driver().findElement(By.cssSelector("td[data-cell='cyber|japan']")).getAttribute("class")).contains("gap");
            assertThat(browser.driver().findElement(By.id("changes")).getText()).contains("began");
            assertThat(browser.accessibilityProblems()).as("the matrix of 2023").isEmpty();
            browser.screenshot("missions-2023");
        }
    }

    @Test
    void inJapaneseTheMatrixTheFindingsAndTheChangesAreJapanese() {
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("jpn.officer", "demo").go("/missions/?asOf=2025-06-01&since=2023-01-01");
            WebElement duplicated = browser.waitFor(Duration.ofSeconds(20),
                    d -> d.findElements(By.cssSelector("td[data-cell='amphibious|southwest-islands']")).stream().findFirst().orElse(null));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("役割・任務・能力");
            assertThat(duplicated.getText()).contains("重複").contains("ardb 主担当");
            assertThat(browser.driver().findElement(By.cssSelector("#matrix thead")).getText()).contains("任務分野");
            String findings = browser.driver().findElement(By.id("findings")).getText();
            assertThat(findings).contains("南西諸島 の サイバー には主担当がいません").contains("南西諸島 の 水陸両用作戦 には主担当が 2 者います");
            assertThat(browser.driver().findElement(By.cssSelector("#matrix thead")).getText()).contains("南西諸島").doesNotContain("Southwest Islands");
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("2025/06/01 時点");
            assertThat(browser.driver().findElement(By.id("changes")).getText()).contains("開始");
            assertThat(browser.accessibilityProblems()).as("the matrix in Japanese").isEmpty();
            browser.screenshot("missions-ja");
        }
    }
}
