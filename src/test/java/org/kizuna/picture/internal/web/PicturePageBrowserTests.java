package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.ingest.CotServer;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tracks sent over CoT TCP appear on the map of a reader who may see them, pushed live, with symbol,
 * details and trail, and in the tracks table (uid, callsign, affiliation, position, age) where the keyboard reaches
 * them; a NOFORN track never appears on a JPN officer's map. In English and in Japanese, every state passing
 * axe-core's WCAG 2.1 AA rules. Real headless Chromium.
 */
@H2Node
class PicturePageBrowserTests {

    @LocalServerPort int port;

    @Autowired CotServer cot;

    static byte[] event(String uid, String type, double lat, double lon, String caveat, String rel) {
        long now = System.currentTimeMillis();
        return new CotXmlWriter().write(new CotEvent(uid, type, "m-g", now, now, now + 300_000, lat, lon, 0, 10, 10,
                "SECRET", caveat, rel, 9.0, 135, uid.toLowerCase(), null));
    }

    /** Whether the page's picture stream delivered its first frame: the status line then tells the age of the last update. */
    static boolean streamOpen(WebDriver d) {
        return "yes".equals(d.findElement(By.id("status")).getAttribute("data-frames"));
    }

    static boolean marker(WebDriver d, String uid) {
        return !d.findElements(By.cssSelector("#map .track-icon[data-uid='" + uid + "']")).isEmpty();
    }

    @Test
    void aTrackSentOverCotAppearsLiveOnTheMapOfReadersThatMaySeeIt() throws Exception {
        try (Browser usa = Browser.open("http://localhost:" + port); Browser jpn = Browser.open("http://localhost:" + port);
                Socket socket = new Socket("localhost", cot.tcpPort())) {
            usa.login("usa.officer", "demo").go("/picture/");
            jpn.login("jpn.officer", "demo").go("/picture/");
            usa.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#map path")).size() > 10);
            jpn.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#map path")).size() > 10);
            // each page's stream is subscribed once its first frame (the replay) arrived: the status then says when
            usa.waitFor(Duration.ofSeconds(10), PicturePageBrowserTests::streamOpen);
            jpn.waitFor(Duration.ofSeconds(10), PicturePageBrowserTests::streamOpen);

            OutputStream out = socket.getOutputStream();
            out.write(event("JS-BROWSER-1", "a-f-S-C-L-D-D", 34.0, 136.0, null, "REL TO USA, JPN"));
            out.write(event("US-NOFORN-1", "a-h-A-M-F", 35.0, 137.0, "NOFORN", null));
            out.flush();

            usa.waitFor(Duration.ofSeconds(10), d -> marker(d, "JS-BROWSER-1") && marker(d, "US-NOFORN-1"));
            jpn.waitFor(Duration.ofSeconds(10), d -> marker(d, "JS-BROWSER-1"));

            // a second report moves the track: the symbol follows and a trail is drawn (and a second ship, sent
            // after the NOFORN track, shows below that the JPN page has had every frame that could carry it)
            out.write(event("JS-BROWSER-1", "a-f-S-C-L-D-D", 34.2, 136.3, null, "REL TO USA, JPN"));
            out.write(event("JS-BROWSER-2", "a-f-S-C-L-D-D", 32.5, 139.0, null, "REL TO USA, JPN")); // well apart: its symbol must not cover the first
            out.flush();
            usa.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive, #map svg path[stroke-opacity]")).isEmpty());

            WebDriver d = usa.driver();
            d.findElement(By.cssSelector("#map .track-icon[data-uid='JS-BROWSER-1']")).click();
            usa.waitFor(Duration.ofSeconds(5), w -> w.findElement(By.id("detail-body")).isDisplayed());
            assertThat(text(usa, "detail-banner")).isEqualTo("SECRET//REL TO USA, JPN");
            assertThat(text(usa, "detail-callsign")).isEqualTo("js-browser-1");
            assertThat(text(usa, "detail-nations")).isEqualTo("USA");
            assertThat(text(usa, "detail-body")).contains("17 kn").contains("135°").contains("34.2000, 136.3000");
            WebElement symbol = d.findElement(By.cssSelector("#map .track-icon[data-uid='JS-BROWSER-1'] svg"));
            assertThat(symbol.getAttribute("innerHTML")).isNotBlank();
            usa.waitFor(Duration.ofSeconds(10), w -> w.findElement(By.id("page-banner")).getText().contains("NOFORN"));
            assertThat(usa.driver().findElement(By.id("status")).getText()).startsWith("live · ").contains("s ago");
            // the same track in the tracks table: uid, callsign, affiliation, position, age
            assertThat(rowText(usa, "JS-BROWSER-1")).contains("js-browser-1").contains("JS-BROWSER-1").contains("Friend").contains("34.2000, 136.3000")
                    .containsPattern("\\d+ s");
            assertThat(rowText(usa, "US-NOFORN-1")).contains("Hostile");
            assertThat(usa.accessibilityProblems()).isEmpty();
            usa.screenshot("picture-usa");

            // filters: hiding friends removes the friendly ship, keeps the hostile aircraft
            d.findElement(By.cssSelector("#aff-filters input[value='f']")).click();
            usa.waitFor(Duration.ofSeconds(5), w -> !marker(w, "JS-BROWSER-1") && marker(w, "US-NOFORN-1"));

            // the node sends a reader's frames in the order it took the events: with JS-BROWSER-2 on the JPN map,
            // the NOFORN track sent before it has had every chance to leak
            jpn.waitFor(Duration.ofSeconds(10), w -> marker(w, "JS-BROWSER-2"));
            assertThat(marker(jpn.driver(), "US-NOFORN-1")).as("NOFORN never on a JPN map").isFalse();
            assertThat(jpn.driver().findElement(By.id("track-rows")).getText()).contains("js-browser-1").doesNotContain("us-noforn-1");
            assertThat(jpn.driver().findElement(By.id("page-banner")).getText()).doesNotContain("NOFORN");
            jpn.screenshot("picture-jpn");

            // the sensor registry on the same page: a bad label is refused with the reason, a good sensor is listed
            WebDriver j = jpn.driver();
            fill(j, "JPN-E767-AWACS", "JPN", "E-767 AWACS, Hamamatsu", "//JPN SECRET//REL TO JPN, USA", "300", "34.75", "137.70");
            jpn.waitFor(Duration.ofSeconds(5), w -> w.findElement(By.id("sensor-problem")).isDisplayed());
            assertThat(j.findElement(By.id("sensor-problem")).getText()).contains("default label does not parse");
            fill(j, "JPN-E767-AWACS", "JPN", "E-767 AWACS, Hamamatsu", "//JPN SECRET//REL TO USA, JPN", "300", "34.75", "137.70");
            jpn.waitFor(Duration.ofSeconds(5), w -> !w.findElements(By.cssSelector("#sensor-rows tr[data-sensor='JPN-E767-AWACS']")).isEmpty());
            assertThat(j.findElement(By.id("sensor-problem")).isDisplayed()).isFalse();

            // the registration columns: a surveyed radar is a reference, any other sensor shows the tracker's estimate (or none yet)
            assertThat(j.findElement(By.cssSelector(".sensors-panel thead")).getText()).containsIgnoringCase("Registration bias")
                    .containsIgnoringCase("± m").containsIgnoringCase("Reports used");
            assertThat(sensorCell(jpn, "JPN-FPS5-SADO", "registration-bias")).isEqualTo("surveyed (reference)");
            assertThat(sensorCell(jpn, "JPN-DDG-MAYA", "registration-bias"))
                    .matches("no estimate yet|E [+-]\\d+ m, N [+-]\\d+ m( bias jumped at .+)?");
            assertThat(sensorCell(jpn, "JPN-E767-AWACS", "registration-bias")).as("registered without ticking surveyed").isNotEqualTo("surveyed (reference)");
            // a sensor registered as surveyed is a reference at once
            j.findElement(By.cssSelector("#sensor-form [name='surveyed']")).click();
            fill(j, "JPN-FPS3-KASUGA", "JPN", "J/FPS-3 radar, Kasuga", "//JPN SECRET//REL TO USA, JPN", "100", "33.53", "130.47");
            jpn.waitFor(Duration.ofSeconds(5), w -> !w.findElements(By.cssSelector("#sensor-rows tr[data-sensor='JPN-FPS3-KASUGA']")).isEmpty());
            assertThat(sensorCell(jpn, "JPN-FPS3-KASUGA", "registration-bias")).isEqualTo("surveyed (reference)");
            ((org.openqa.selenium.JavascriptExecutor) j).executeScript("document.querySelector('.sensors-panel').scrollIntoView()");
            assertThat(jpn.accessibilityProblems()).isEmpty();
            jpn.screenshot("picture-jpn-sensors");
        }
    }

    /**
     * A Japanese officer's page is in Japanese; a track sent over CoT is listed in the tracks table with its affiliation
     * in Japanese, chosen from the table with the keyboard (the focus stays on it while the table updates every second),
     * and a refused sensor is told in Japanese.
     */
    @Test
    void aJapaneseOfficerReachesTheTracksFromTheTable() throws Exception {
        try (Browser jpn = Browser.open("http://localhost:" + port, "ja"); Socket socket = new Socket("localhost", cot.tcpPort())) {
            jpn.login("jpn.officer", "demo").go("/picture/");
            jpn.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#map path")).size() > 10);
            jpn.waitFor(Duration.ofSeconds(10), PicturePageBrowserTests::streamOpen);
            WebDriver d = jpn.driver();
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("リアルタイム状況図");
            assertThat(d.findElement(By.id("tracks-heading")).getText()).startsWith("航跡一覧");
            assertThat(d.findElement(By.cssSelector("#tracks thead")).getText()).contains("所属").contains("位置").contains("経過時間");

            OutputStream out = socket.getOutputStream();
            out.write(event("JS-TABLE-1", "a-f-S-C-L-D-D", 33.1, 135.2, null, "REL TO USA, JPN"));
            out.flush();
            jpn.waitFor(Duration.ofSeconds(10), w -> !w.findElements(By.cssSelector("#track-rows tr[data-uid='JS-TABLE-1']")).isEmpty());
            assertThat(rowText(jpn, "JS-TABLE-1")).contains("js-table-1").contains("味方").contains("33.1000, 135.2000").contains("秒");

            WebElement button = d.findElement(By.cssSelector("#track-rows button.track[data-uid='JS-TABLE-1']"));
            button.sendKeys(Keys.ENTER);
            jpn.waitFor(Duration.ofSeconds(5), w -> w.findElement(By.id("detail-body")).isDisplayed());
            assertThat(text(jpn, "detail-callsign")).isEqualTo("js-table-1");
            assertThat(text(jpn, "detail-body")).contains("ノット").contains("135°");
            // the table renders every second: the focus stays on the track's button
            String before = d.findElement(By.cssSelector("#track-rows tr[data-uid='JS-TABLE-1']")).getText();
            jpn.waitFor(Duration.ofSeconds(5), w -> !w.findElement(By.cssSelector("#track-rows tr[data-uid='JS-TABLE-1']")).getText().equals(before));
            assertThat(d.switchTo().activeElement().getAttribute("data-uid")).isEqualTo("JS-TABLE-1");
            assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(jpn.accessibilityProblems()).isEmpty();
            jpn.screenshot("picture-ja");

            fill(d, "JPN-E767-TABLE", "JPN", "E-767 AWACS, Hamamatsu", "//JPN SECRET//REL TO JPN, USA", "300", "34.75", "137.70");
            jpn.waitFor(Duration.ofSeconds(5), w -> w.findElement(By.id("sensor-problem")).isDisplayed());
            assertThat(d.findElement(By.id("sensor-problem")).getText()).startsWith("既定の区分を解釈できません");
            assertThat(d.findElement(By.cssSelector(".sensors-panel thead")).getText()).contains("位置合わせ誤差");
            assertThat(jpn.accessibilityProblems()).isEmpty();
            jpn.screenshot("picture-ja-sensors");
        }
    }

    /** The text of a track's row in the tracks table (read again when the table changed meanwhile). */
    static String rowText(Browser browser, String uid) {
        return browser.waitFor(Duration.ofSeconds(5), w -> {
            try {
                return w.findElement(By.cssSelector("#track-rows tr[data-uid='" + uid + "']")).getText();
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    /** The text of one registration cell of a sensor's row in the sensors table (re-read when the table was rendered anew meanwhile). */
    static String sensorCell(Browser browser, String sensor, String cell) {
        return browser.waitFor(Duration.ofSeconds(5), w -> {
            try {
                return w.findElement(By.cssSelector("#sensor-rows tr[data-sensor='" + sensor + "'] td." + cell)).getText();
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    static void fill(WebDriver d, String... values) {
        String[] names = {"id", "nation", "platform", "defaultLabel", "accuracyMetres", "lat", "lon"};
        for (int i = 0; i < names.length; i++) {
            WebElement input = d.findElement(By.cssSelector("#sensor-form [name='" + names[i] + "']"));
            input.clear();
            input.sendKeys(values[i]);
        }
        d.findElement(By.cssSelector("#sensor-form button[type=submit]")).click();
    }

    /** The text of an element the page re-renders every second: read again when the element was replaced meanwhile. */
    static String text(Browser browser, String id) {
        return browser.waitFor(Duration.ofSeconds(5), w -> {
            try {
                return w.findElement(By.id(id)).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return null;
            }
        });
    }
}
