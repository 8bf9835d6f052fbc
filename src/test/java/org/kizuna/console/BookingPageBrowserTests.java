package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.Browser;
import org.kizuna.testing.H2Node;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A planner opens a facility's week, sees the demo bookings and drags one two hours later to propose a change. */
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
            browser.screenshot("booking-week");
            new Actions(browser.driver()).clickAndHold(block).moveByOffset(0, 20).moveByOffset(0, 28).release().perform();
            String status = browser.waitFor(Duration.ofSeconds(15), d -> {
                String text = d.findElement(By.id("status")).getText();
                return text.startsWith("proposed") ? text : null;
            });
            assertThat(status).contains(id);
            Instant proposed = Instant.parse(status.split(" ")[1]);
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
            assertThat(complaint.getText()).contains("23:00").contains("noise").contains("quiet hours").contains("Rotor noise over Sobudai");
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("recorded");
            assertThat(browser.driver().findElement(By.id("report")).getText()).contains("complaint(s)");
            browser.screenshot("booking-neighbours");
        }
    }
}
