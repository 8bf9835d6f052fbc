package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A planner opens a facility's week, sees the demo bookings and drags one later to propose a change; files a request in
 * the facility's local time (the node stores the instants those local times are) and sees the times again in its own
 * zone; prints the week. In English and in Japanese, every state passing axe-core's WCAG 2.1 AA rules.
 */
@H2Node
class BookingPageBrowserTests {

    @LocalServerPort int port;

    @Test
    void dragABookingToProposeAnotherStart() {
        Instant monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("usa.officer", "demo").go("/booking/?facility=camp-hansen&week=" + monday);
            WebElement block = browser.waitFor(Duration.ofSeconds(15),
                    d -> d.findElements(By.cssSelector(".block[data-request]")).stream().findFirst().orElse(null));
            assertThat(browser.driver().findElement(By.id("viewer-zone")).getText()).isEqualTo("Asia/Tokyo");
            String id = block.getAttribute("data-request");
            Api api = Api.on(port).as("usa.officer", "demo");
            Instant before = Instant.parse(api.get("/api/v1/booking/requests/" + id).json().get("start").asString());
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("booking-week");
            new Actions(browser.driver()).clickAndHold(block).moveByOffset(0, 20).moveByOffset(0, 28).release().perform();
            String status = browser.waitFor(Duration.ofSeconds(15), d -> {
                String text = d.findElement(By.id("status")).getText();
                return text.startsWith("proposed") ? text : null;
            });
            assertThat(status).contains(id);
            Instant proposed = Instant.parse(browser.driver().findElement(By.id("status")).getAttribute("data-proposed"));
            assertThat(proposed).isAfter(before);
            assertThat(Instant.parse(api.get("/api/v1/booking/requests/" + id).json().get("preferredStart").asString())).isEqualTo(proposed);
            browser.screenshot("booking-after-drag");
        }
    }

    /** The demo's NOFORN booking at Kadena shows to a JPN planner as a reserved time, with nothing of the booking. */
    @Test
    void aBookingTheReaderMayNotReadShowsAsReserved() {
        Instant monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/booking/?facility=kadena&week=" + monday);
            WebElement band = browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector(".reserved")).stream().findFirst().orElse(null));
            assertThat(band.getText()).isEqualTo("reserved");
            String page = browser.driver().findElement(By.id("calendar")).getText();
            assertThat(page).doesNotContain("iii-mef").doesNotContain("NOFORN").doesNotContain("P5");
            assertThat(browser.driver().findElements(By.cssSelector(".block[data-request]"))).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("booking-reserved");
        }
    }

    /**
     * A liaison officer of the host nation records a neighbours' complaint on the facility's page, in the facility's local
     * time, and finds it in the facility's month, marked as falling in the quiet hours.
     */
    @Test
    void aComplaintRecordedOnThePageShowsInTheFacilitysMonth() {
        // the Thursday of the week ten days ago, 23:00 in Tokyo: in the past, in the month the page shows for that week
        LocalDate thursday = LocalDate.now(ZoneOffset.UTC).minusDays(10).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(3);
        Instant week = thursday.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.login("jpn.officer", "demo").go("/booking/?facility=camp-zama&week=" + week);
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElement(By.id("report")).getText().startsWith("Booked") ? true : null);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('[name=occurredAt]').value = arguments[0]", thursday + "T23:00");
            browser.driver().findElement(By.name("source")).sendKeys("Zama city office");
            browser.driver().findElement(By.name("description")).sendKeys("Rotor noise over Sobudai late at night");
            browser.driver().findElement(By.cssSelector("#new-complaint button")).click();
            WebElement complaint = browser.waitFor(Duration.ofSeconds(15),
                    d -> d.findElements(By.cssSelector("#complaints .complaint")).stream().filter(c -> c.getText().contains("Zama city office")).findFirst()
                            .orElse(null));
            // shown in the facility's local time, in the reader's language (the browser's English: a 12-hour clock)
            assertThat(complaint.getText()).containsPattern("23:00|11:00\\sPM").contains("noise").contains("quiet hours").contains("Rotor noise over Sobudai");
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("recorded");
            assertThat(browser.driver().findElement(By.id("report")).getText()).contains("complaint(s)");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("booking-neighbours");
        }
    }

    /**
     * The request form takes local dates and times, here the facility's (Camp H. M. Smith, Honolulu, 19 hours behind the
     * planner's Tokyo): the node stores the instants they are; switched to the planner's own zone, the form shows the
     * same instants in Tokyo time; the booking's detail gives the facility's and the requesting unit's local times and
     * proposes in the facility's time. The week prints with the banners and without the controls.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US, Shared facility bookings, 40, Print, Camp H. M. Smith", "ja, 共同使用施設の予約, 47, 印刷, キャンプ・H・M・スミス"})
    void theRequestFormTakesLocalTimes(String language, String heading, int daysAhead, String print, String facilityName) throws java.io.IOException {
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu"), tokyo = ZoneId.of("Asia/Tokyo");
        LocalDate day = LocalDate.now(honolulu).plusDays(daysAhead);
        LocalDateTime earliest = day.atTime(9, 0), latest = day.plusDays(1).atTime(17, 30), preferred = day.atTime(10, 30);
        Instant at = preferred.atZone(honolulu).toInstant();
        Instant week = at.atZone(tokyo).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(tokyo).toInstant();
        try (Browser browser = Browser.open("http://localhost:" + port, language)) {
            browser.login("usa.officer", "demo").go("/booking/?facility=camp-hm-smith&week=" + week);
            WebDriver d = browser.driver();
            browser.waitFor(Duration.ofSeconds(15), w -> w.findElements(By.cssSelector("#new-request select[name=unit] option")).size() > 3
                    && !w.findElement(By.id("report")).getText().isEmpty());
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
            assertThat(d.findElement(By.id("facility-zone")).getText()).isEqualTo("Pacific/Honolulu");
            Select zone = new Select(d.findElement(By.id("request-zone")));
            assertThat(zone.getFirstSelectedOption().getText()).contains("Pacific/Honolulu");
            assertThat(d.findElement(By.id("request-zone-now")).getText()).contains("Pacific/Honolulu");
            ((JavascriptExecutor) d).executeScript("""
                    const f = document.getElementById('new-request');
                    f.elements.unit.value = 'iii-mef';
                    for (const o of f.elements.facilities.options) o.selected = o.value === 'camp-hm-smith';
                    f.elements.facilities.dispatchEvent(new Event('change'));
                    f.elements.earliestStart.value = arguments[0];
                    f.elements.latestStart.value = arguments[1];
                    f.elements.preferredStart.value = arguments[2];
                    f.elements.preferredStart.dispatchEvent(new Event('input'));""", local(earliest), local(latest), local(preferred));
            assertThat(d.findElement(By.id("request-preview")).getText()).isNotBlank();
            assertThat(browser.accessibilityProblems()).isEmpty();
            d.findElement(By.cssSelector("#new-request button[type=submit]")).click();
            String id = browser.waitFor(Duration.ofSeconds(15), w -> w.findElement(By.id("status")).getAttribute("data-request"));

            JsonNode stored = Api.on(port).as("usa.officer", "demo").get("/api/v1/booking/requests/" + id).json();
            assertThat(Instant.parse(stored.get("earliestStart").asString())).isEqualTo(earliest.atZone(honolulu).toInstant());
            assertThat(Instant.parse(stored.get("latestStart").asString())).isEqualTo(latest.atZone(honolulu).toInstant());
            assertThat(Instant.parse(stored.get("preferredStart").asString())).isEqualTo(at);
            assertThat(stored.get("state").asString()).isEqualTo("BOOKED");

            // the same instants in the planner's own zone, Tokyo: 19 hours later on the clock
            zone.selectByValue("mine");
            assertThat(d.findElement(By.cssSelector("#new-request [name=earliestStart]")).getDomProperty("value"))
                    .isEqualTo(local(LocalDateTime.ofInstant(earliest.atZone(honolulu).toInstant(), tokyo)));
            assertThat(d.findElement(By.cssSelector("#new-request [name=preferredStart]")).getDomProperty("value"))
                    .isEqualTo(local(preferred.plusHours(19)));

            // the booking in the calendar: chosen with the keyboard, its times in the facility's and the requesting unit's zones
            WebElement block = browser.waitFor(Duration.ofSeconds(15), w -> w.findElements(By.cssSelector(".block[data-request='" + id + "']")).stream()
                    .findFirst().orElse(null));
            block.sendKeys(Keys.ENTER);
            browser.waitFor(Duration.ofSeconds(5), w -> w.findElement(By.id("selected-body")).isDisplayed());
            assertThat(d.findElement(By.id("selected-body")).getText()).contains("iii-mef").contains("Asia/Tokyo").contains(facilityName);
            assertThat(d.findElement(By.cssSelector("#proposal [name=start]")).getDomProperty("value")).isEqualTo(local(preferred));
            assertThat(d.findElement(By.id("proposal-label")).getText()).contains("Pacific/Honolulu");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("booking-local-times-" + language);

            // printed: the banners top and bottom, the week, no header or controls
            WebElement printButton = d.findElement(By.id("print"));
            assertThat(printButton.getText()).isEqualTo(print);
            assertThat(printButton.getAttribute("class")).contains("no-print");
            ChromeDriver chrome = (ChromeDriver) d;
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            try {
                assertThat(d.findElement(By.cssSelector("header.kz")).isDisplayed()).isFalse();
                assertThat(printButton.isDisplayed()).isFalse();
                assertThat(d.findElement(By.id("facility")).isDisplayed()).isFalse();
                assertThat(d.findElement(By.id("new-request")).isDisplayed()).isFalse();
                assertThat(d.findElement(By.id("page-banner")).isDisplayed()).isTrue();
                assertThat(d.findElement(By.id("page-banner-bottom")).isDisplayed()).isTrue();
                assertThat(d.findElement(By.id("print-title")).getText()).contains(facilityName).contains("Asia/Tokyo").contains("Pacific/Honolulu");
                assertThat(d.findElement(By.cssSelector(".block[data-request='" + id + "']")).isDisplayed()).as("bookings print").isTrue();
                browser.screenshot("booking-print-" + language);
                // the sheets themselves, for a person to look at
                Object data = chrome.executeCdpCommand("Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true)).get("data");
                byte[] pdf = java.util.Base64.getDecoder().decode(String.valueOf(data));
                assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                        .resolve("booking-print-" + language + ".pdf"), pdf);
            } finally {
                chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            }
        }
    }

    /** What a planner can meet through the page's forms is told in the planner's language; English as before. */
    @Test
    void theBookingProblemsAreToldInTheReadersLanguage() {
        Instant at = LocalDate.now(ZoneOffset.UTC).plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant();
        String window = """
                {"unit": "iii-mef", "facilities": ["camp-hansen"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "UNCLASSIFIED"}""".formatted(at, at.minus(Duration.ofHours(1)), at);
        Api ja = Api.on(port).as("usa.officer", "demo").acceptingLanguage("ja"), en = Api.on(port).as("usa.officer", "demo").acceptingLanguage("en");
        Api.Response refused = ja.post("/api/v1/booking/requests", window);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("title").asString()).isEqualTo("不正な要求");
        assertThat(refused.json().get("detail").asString()).startsWith("開始時刻の範囲は earliestStart から latestStart まで");
        assertThat(en.post("/api/v1/booking/requests", window).json().get("detail").asString())
                .isEqualTo("the window must run from earliestStart to latestStart and contain preferredStart");
        assertThat(ja.post("/api/v1/booking/requests", "{\"durationMinutes\": 0, \"priority\": 0, \"noisy\": false}").json().get("detail").asString())
                .contains("unit: 要求する部隊を指定してください").contains("priority: 1（低）〜5（高）で指定してください");
        assertThat(ja.get("/api/v1/booking/requests/BR-nosuch00").json().get("detail").asString()).isEqualTo("予約要求、施設または部隊「BR-nosuch00」は見つかりません");
        String future = """
                {"facility": "camp-zama", "occurredAt": "%s", "kind": "NOISE", "source": "Zama", "description": "x", "label": "UNCLASSIFIED"}"""
                .formatted(Instant.now().plus(Duration.ofDays(2)));
        assertThat(Api.on(port).as("jpn.officer", "demo").acceptingLanguage("ja").post("/api/v1/booking/complaints", future).json().get("detail").asString())
                .startsWith("occurredAt が未来の時刻です");
    }

    private static String local(LocalDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }
}
