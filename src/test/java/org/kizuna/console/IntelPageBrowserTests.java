package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A US officer writes a report with a NOFORN portion on the Intelligence page, sees its marks and banners and asks
 * for its release to Japan, which waits for a second releaser; a Japanese officer's list never shows the NOFORN demo
 * report, and the second releaser's approval makes the portion appear on the Japanese officer's page.
 */
@H2Node
class IntelPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void writeAReportAndReleaseAPortionWithTwoReleasers() {
        String id;
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("usa.officer", "demo").go("/intel/");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#reports tbody tr")).size() >= 5 ? true : null);
            assertThat(browser.driver().findElement(By.id("reports")).getText()).contains("EXERCISE: assessment for US eyes only");
            browser.driver().findElement(By.id("new")).click();
            WebElement titleMark = browser.driver().findElement(By.name("titleMarking"));
            titleMark.clear();
            titleMark.sendKeys("(S//NF)");
            browser.driver().findElement(By.name("titleText")).sendKeys("EXERCISE: browser test report");
            WebElement mark = browser.driver().findElement(By.name("pm"));
            mark.clear();
            mark.sendKeys("(S//NF)");
            browser.driver().findElement(By.name("pt")).sendKeys("EXERCISE: a portion for US eyes only, until released");
            browser.driver().findElement(By.cssSelector("#compose button[type=submit]")).click();
            String top = browser.waitFor(Duration.ofSeconds(15), d -> {
                String t = d.findElement(By.id("banner-top")).getText();
                return t.isEmpty() ? null : t;
            });
            assertThat(top).isEqualTo("SECRET//NOFORN");
            assertThat(browser.driver().findElement(By.id("banner-bottom")).getText()).isEqualTo("SECRET//NOFORN");
            assertThat(browser.driver().findElement(By.id("portions")).getText()).contains("(S//NF)");
            id = browser.driver().getCurrentUrl().substring(browser.driver().getCurrentUrl().indexOf('#') + 1);
            browser.screenshot("intel-report");

            browser.driver().findElement(By.name("portion")).sendKeys("1");
            browser.driver().findElement(By.name("to")).sendKeys("JPN");
            browser.driver().findElement(By.cssSelector("#release button")).click();
            String status = browser.waitFor(Duration.ofSeconds(15), d -> {
                String s = d.findElement(By.id("status")).getText();
                return s.contains("pending") ? s : null;
            });
            assertThat(status).contains("second releaser");
            browser.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("pending")).getText().contains(id) ? true : null);
            browser.screenshot("intel-release-pending");
        }
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/intel/#" + id);
            String problem = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement p = d.findElement(By.id("problem"));
                return p.isDisplayed() ? p.getText() : null;
            });
            assertThat(problem).contains("no report");
            assertThat(browser.driver().findElement(By.id("reports")).getText()).doesNotContain("assessment for US eyes only")
                    .doesNotContain("browser test report");

            Api.Response second = Api.on(port).as("usa.analyst", "demo").post("/api/v1/intel/reports/" + id + "/releases",
                    "{\"portion\": \"1\", \"to\": [\"JPN\"]}");
            assertThat(second.status()).as(second.body()).isEqualTo(200);

            browser.driver().navigate().refresh();
            String portions = browser.waitFor(Duration.ofSeconds(15), d -> {
                String t = d.findElement(By.id("portions")).getText();
                return t.contains("until released") ? t : null;
            });
            assertThat(portions).contains("(S//REL TO USA, JPN)");
            assertThat(browser.driver().findElement(By.id("title")).getText()).isEqualTo("title withheld");
            assertThat(browser.driver().findElement(By.id("banner-top")).getText()).isEqualTo("SECRET//REL TO USA, JPN");
            browser.screenshot("intel-released-jpn");
        }
    }
}
