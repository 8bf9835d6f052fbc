package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A planner opens the demo's Keen Sword in planning: its stages as a timeline, the MSEL, the conference time finder for
 * a day of the planner's calendar with each participant's local time; a refused stage close shows why; a JPN planner's
 * MSEL lacks the NOFORN inject, and in Japanese the stages, the finder and the refusal are Japanese. Every state passes
 * axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class ExercisesPageBrowserTests {

    @LocalServerPort int port;

    String planned() {
        for (JsonNode e : Api.on(port).as("usa.officer", "demo").get("/api/v1/exercises?series=keen-sword").json()) {
            if (e.has("currentStage") && e.path("notes").asString("").startsWith("demo data")) return e.get("id").asString();
        }
        throw new AssertionError("the demo has no Keen Sword in planning");
    }

    @Test
    void theTimelineTheMselAndTheConferenceFinder() {
        String id = planned();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("usa.officer", "demo").go("/exercises/?series=keen-sword&exercise=" + id);
            List<WebElement> stages = browser.waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> s = d.findElements(By.cssSelector("#timeline li"));
                return s.size() == 8 ? s : null;
            });
            assertThat(stages.get(0).getAttribute("class")).isEqualTo("closed");
            assertThat(stages.get(2).getAttribute("class")).isEqualTo("current");
            assertThat(stages.get(2).getText()).contains("Initial planning conference").contains("needs exercise-plan-draft");
            assertThat(browser.driver().findElements(By.cssSelector("#msel tbody tr"))).hasSize(3);
            assertThat(browser.accessibilityProblems()).as("an exercise in planning").isEmpty();

            // closing the current stage without its product is refused with the product named
            stages.get(2).findElement(By.cssSelector("button.close-stage")).click();
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).contains("missing products exercise-plan-draft");
            assertThat(browser.accessibilityProblems()).as("a refused close").isEmpty();

            // usa.officer works on Tokyo time: Wednesday 13 January 2027 of that calendar
            assertThat(browser.driver().findElement(By.id("conference-day")).getText()).contains("Asia/Tokyo");
            WebElement date = browser.driver().findElement(By.cssSelector("#conference [name=date]"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2027-01-13'", date);
            browser.driver().findElement(By.id("find-times")).click();
            String statement = browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.id("statement")).stream().findFirst().map(WebElement::getText)
                    .orElse(null));
            assertThat(statement).startsWith("No 2-hour slot").contains("Tokyo", "Honolulu", "Washington");
            WebElement bad = browser.driver().findElement(By.cssSelector("#times .slot.bad"));
            // 2027-01-12 23:00 UTC: Wednesday 08:00 in Tokyo, Tuesday 13:00 in Honolulu, Tuesday 18:00 in Washington (EST)
            assertThat(bad.getAttribute("data-start")).isEqualTo("2027-01-12T23:00:00Z");
            assertThat(bad.getText()).contains("Jan 13, 2027, Wed 08:00–10:00 (Asia/Tokyo)").contains("Tokyo: Wed 08:00–10:00")
                    .contains("Honolulu: Tue 13:00–15:00").contains("Washington: Tue 18:00–20:00 (120 min outside hours)").doesNotContain("UTC");
            assertThat(browser.accessibilityProblems()).as("the conference finder's answer").isEmpty();
            browser.screenshot("exercises-planning");
        }
    }

    @Test
    void aJapanesePlannerSeesTheMselWithoutTheNofornInject() {
        String id = planned();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/exercises/?series=keen-sword&exercise=" + id);
            List<WebElement> rows = browser.waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> r = d.findElements(By.cssSelector("#msel tbody tr"));
                return r.isEmpty() ? null : r;
            });
            assertThat(rows).hasSize(2);
            assertThat(browser.driver().findElement(By.id("msel")).getText()).doesNotContain("NOFORN").doesNotContain("USINDOPACOM J3");
        }
    }

    @Test
    void inJapaneseTheStagesTheFinderAndTheRefusalAreJapanese() {
        String id = planned();
        try (Browser browser = Browser.open("http://localhost:" + port, "ja")) {
            browser.login("jpn.officer", "demo").go("/exercises/?series=keen-sword&exercise=" + id);
            List<WebElement> stages = browser.waitFor(Duration.ofSeconds(15), d -> {
                List<WebElement> s = d.findElements(By.cssSelector("#timeline li"));
                return s.size() == 8 ? s : null;
            });
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("演習");
            assertThat(stages.get(2).getText()).contains("初期計画会議").contains("未提出: 演習計画案").contains("段階を終了");
            assertThat(browser.driver().findElement(By.cssSelector("#msel thead")).getText()).contains("インジェクト").contains("訓練対象");
            assertThat(browser.accessibilityProblems()).as("an exercise in Japanese").isEmpty();

            stages.get(2).findElement(By.cssSelector("button.close-stage")).click();
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).isEqualTo("段階 ipc（初期計画会議）を終了できません。未提出の成果物: exercise-plan-draft");

            WebElement date = browser.driver().findElement(By.cssSelector("#conference [name=date]"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2027-01-13'", date);
            browser.driver().findElement(By.id("find-times")).click();
            String statement = browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.id("statement")).stream().findFirst().map(WebElement::getText)
                    .orElse(null));
            assertThat(statement).contains("2 時間の枠はありません").contains("東京").contains("ホノルル").contains("ワシントン");
            assertThat(browser.driver().findElement(By.cssSelector("#times .slot.bad")).getText()).contains("東京: 水 08:00–10:00")
                    .contains("ワシントン: 火 18:00–20:00 （勤務時間外 120 分）");
            assertThat(browser.accessibilityProblems()).as("the finder in Japanese").isEmpty();
            browser.screenshot("exercises-planning-ja");
        }
    }
}
