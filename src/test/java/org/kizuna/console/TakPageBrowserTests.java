package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A JPN officer opens the TAK page: it names the node's CoT TLS port and shows an enrollment QR code, never a password. */
@H2Node
class TakPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void theEnrollmentQrCodeIsShownWithItsExpiry() {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/tak/");
            String connect = browser.waitFor(Duration.ofSeconds(15), d -> {
                String t = d.findElement(By.id("connect-string")).getText();
                return t.endsWith(":ssl") ? t : null;
            });
            assertThat(connect).matches(".+:\\d+:ssl");
            browser.driver().findElement(By.id("enroll")).click();
            WebElement qr = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement q = d.findElement(By.id("qr"));
                return q.isDisplayed() && !q.findElements(By.tagName("svg")).isEmpty() ? q : null;
            });
            assertThat(qr.getAttribute("innerHTML")).doesNotContain("demo");
            assertThat(browser.driver().findElement(By.id("qr-expiry")).getText()).isNotBlank();
            browser.screenshot("tak-enrollment");
        }
    }
}
