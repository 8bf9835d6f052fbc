package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A JPN officer opens the TAK page, in English and in Japanese: it names the node's CoT TLS port and shows an enrollment
 * QR code with its expiry in the officer's language, never a password; both states pass axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class TakPageBrowserTests {

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US, Connect a TAK client, Show enrollment QR code, the token stops working at",
            "ja, TAKクライアントの接続, 登録用QRコードを表示, トークンは"})
    void theEnrollmentQrCodeIsShownWithItsExpiry(String language, String heading, String button, String expiry) {
        try (Browser browser = Browser.open("http://localhost:" + port, language)) {
            browser.login("jpn.officer", "demo").go("/tak/");
            String connect = browser.waitFor(Duration.ofSeconds(15), d -> {
                String t = d.findElement(By.id("connect-string")).getText();
                return t.endsWith(":ssl") ? t : null;
            });
            assertThat(connect).matches(".+:\\d+:ssl");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(heading);
            assertThat(browser.driver().findElement(By.id("page-banner-bottom")).getText()).isEqualTo("UNCLASSIFIED");
            assertThat(browser.accessibilityProblems()).isEmpty();
            WebElement enroll = browser.driver().findElement(By.id("enroll"));
            assertThat(enroll.getText()).isEqualTo(button);
            enroll.click();
            WebElement qr = browser.waitFor(Duration.ofSeconds(15), d -> {
                WebElement q = d.findElement(By.id("qr"));
                return q.isDisplayed() && !q.findElements(By.tagName("svg")).isEmpty() ? q : null;
            });
            assertThat(qr.getAttribute("innerHTML")).doesNotContain("demo");
            assertThat(qr.findElement(By.tagName("svg")).getAttribute("aria-label")).contains("jpn.officer");
            assertThat(browser.driver().findElement(By.id("qr-expiry")).getText()).contains(expiry).contains("jpn.officer");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("tak-enrollment-" + language);
        }
    }
}
