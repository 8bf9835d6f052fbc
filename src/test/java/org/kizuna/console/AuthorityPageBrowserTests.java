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
 * force, its history and the support rules follow; a request for support is filed from the page with its outcome.
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
            new Select(browser.driver().findElement(By.id("level-level"))).selectByValue("gray-zone");
            browser.driver().findElement(By.id("level-note")).sendKeys("armed group on a remote island");
            form.findElement(By.id("level-submit")).click();
            browser.waitFor(Duration.ofSeconds(20),
                    d -> d.findElements(By.cssSelector("#levels tr[data-region='southwest-islands'][data-level='gray-zone']")).isEmpty() ? null : true);
            assertThat(browser.driver().findElement(By.id("history")).getText()).contains("gray-zone").contains("jpn.officer")
                    .contains("armed group on a remote island");
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
            browser.screenshot("authority");
        }
    }
}
