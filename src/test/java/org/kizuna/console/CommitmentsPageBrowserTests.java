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

/**
 * The commitments page: commitments grouped by what is due, each deadline with the time its day ends in the other
 * capital, and Futenma's deadline moving over the years; in Japanese, the page, its dates and a refused change are
 * Japanese. Every state passes axe-core's WCAG 2.1 AA rules.
 */
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
            // a deadline is shown with the time its day ends in the other nation's capital: Tokyo for the relocation to
            // Guam (a US commitment), Washington for the Joint Operations Command (Japan's)
            assertThat(browser.driver().findElement(By.cssSelector("#group-overdue td[data-deadline]")).getText()).contains("Jun 30, 2025")
                    .contains("in Tokyo");
            assertThat(done.findElement(By.cssSelector("td[data-deadline]")).getText()).contains("Mar 31, 2025").contains("in Washington");
            assertThat(browser.accessibilityProblems()).as("the groups").isEmpty();
            browser.screenshot("commitments-groups");
            browser.go("/commitments/?id=futenma-frf");
            List<WebElement> steps = browser.waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> s = d.findElements(By.cssSelector("#deadline-timeline .step"));
                return s.size() >= 3 ? s : null;
            });
            assertThat(steps.getFirst().getAttribute("data-dated")).isEqualTo("2006-05-01");
            assertThat(steps.getFirst().findElement(By.cssSelector(".moved")).getAttribute("data-to")).isEqualTo("2014-12-31");
            assertThat(steps.getFirst().getText()).contains("May 1, 2006").contains("Dec 31, 2014");
            assertThat(steps.get(1).getAttribute("data-dated")).isEqualTo("2011-06");
            assertThat(steps.get(1).getText()).contains("Jun 2011").contains("unverified");
            assertThat(browser.driver().findElement(By.id("heading")).getText()).contains("Futenma");
            assertThat(browser.accessibilityProblems()).as("a commitment").isEmpty();
            browser.screenshot("commitments-futenma");
        }
    }

    @Test
    void inJapaneseTheDeadlinesDatesAndARefusedChangeAreJapanese() {
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("usa.officer", "demo").go("/commitments/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#group-done tr[data-commitment]")).isEmpty() ? null : true);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("同盟のコミットメント");
            assertThat(browser.driver().findElement(By.id("group-overdue")).getText()).contains("期限超過");
            assertThat(browser.driver().findElement(By.id("group-done")).getText()).contains("完了").contains("担当組織");
            assertThat(browser.driver().findElement(By.cssSelector("#group-overdue td[data-deadline]")).getText()).contains("2025/06/30").contains("東京");
            assertThat(browser.driver().findElement(By.cssSelector("#group-done td[data-deadline]")).getText()).contains("2025/03/31").contains("ワシントン");
            assertThat(browser.accessibilityProblems()).as("the groups in Japanese").isEmpty();

            browser.go("/commitments/?id=futenma-frf");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#deadline-timeline .step")).size() >= 3 ? true : null);
            String detail = browser.driver().findElement(By.id("detail")).getText();
            assertThat(detail).contains("期限の変遷").contains("日米安全保障協議委員会（2+2）").contains("2006/05/01").contains("未確認");
            assertThat(browser.accessibilityProblems()).as("a commitment in Japanese").isEmpty();

            // a change that records nothing new is refused, in Japanese
            browser.driver().findElement(By.name("note")).sendKeys("確認のみ");
            browser.driver().findElement(By.cssSelector("#change button[type=submit]")).click();
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).startsWith("変更として記録する内容がありません");
            assertThat(browser.accessibilityProblems()).as("a refused change").isEmpty();
            browser.screenshot("commitments-futenma-ja");
        }
    }
}
