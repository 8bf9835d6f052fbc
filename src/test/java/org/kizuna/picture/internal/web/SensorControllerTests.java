package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.picture.internal.web.PictureWebSlice.JPN_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_VIEWER;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.SensorRegistration;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP contract of {@code /api/v1/picture/sensors}: a reader is listed the sensors whose label it may
 * read; a planner of a nation registers that nation's sensors (201); a bad record is a 400 problem saying
 * what is wrong, a user who may not register gets a 403 problem, and neither changes the registry. A sensor
 * is registered surveyed or not; {@code .../registration} answers the reader's own audience's estimates.
 */
@PictureWebSlice
class SensorControllerTests {

    @Autowired MockMvcTester mvc;

    @Autowired PictureWebSlice.SignedIn signedIn;

    @Autowired JdbcSensors sensors;

    @Autowired LivePicture picture;

    @Autowired JsonMapper json;

    @BeforeEach
    void planner() {
        signedIn.as(USA_PLANNER);
    }

    static String sensor(String id, String nation, String defaultLabel) {
        return """
                {"id":"%s","nation":"%s","platform":"E-2D Hawkeye","kind":"aircraft","defaultLabel":"%s","accuracyMetres":250,"lat":35.3,"lon":139.4}"""
                .formatted(id, nation, defaultLabel);
    }

    MvcTestResult register(String json) {
        return mvc.post().uri("/api/v1/picture/sensors").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).content(json).exchange();
    }

    @Test
    void aReaderIsListedOnlyTheSensorsWhoseLabelItMayRead() {
        assertThat(mvc.get().uri("/api/v1/picture/sensors")).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .contains("USA-TPY2-KYOGA", "USA-TPY2-SHARIKI", "JPN-FPS5-SADO");
        signedIn.as(JPN_PLANNER);
        assertThat(mvc.get().uri("/api/v1/picture/sensors")).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .contains("USA-TPY2-SHARIKI", "JPN-FPS5-SADO").as("SECRET//NOFORN").doesNotContain("USA-TPY2-KYOGA");
    }

    @Test
    void aPlannerRegistersASensorOfItsOwnNation() {
        assertThat(register(sensor("USA-E2D-SLICE", "USA", "SECRET//REL TO USA, JPN"))).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.id").isEqualTo("USA-E2D-SLICE");
        assertThat(sensors.find("USA-E2D-SLICE")).isPresent();
        signedIn.as(JPN_PLANNER);
        assertThat(mvc.get().uri("/api/v1/picture/sensors")).bodyJson().extractingPath("$[*].id").asArray().contains("USA-E2D-SLICE");
    }

    @Test
    void aSensorIsRegisteredSurveyedOrNotAndARecordThatDoesNotSayIsNotSurveyed() {
        String surveyed = sensor("USA-TPS80-SLICE", "USA", "SECRET//REL TO USA, JPN").replace("\"kind\":\"aircraft\"", "\"kind\":\"radar\"")
                .replace("}", ",\"surveyed\":true}");
        assertThat(register(surveyed)).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.surveyed").isEqualTo(true);
        assertThat(register(sensor("USA-E2D-UNSAID", "USA", "SECRET//REL TO USA, JPN"))).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.surveyed").isEqualTo(false);
        assertThat(sensors.find("USA-TPS80-SLICE")).map(Sensor::surveyed).contains(true);
        assertThat(sensors.find("USA-E2D-UNSAID")).map(Sensor::surveyed).contains(false);
        var listed = assertThat(mvc.get().uri("/api/v1/picture/sensors")).hasStatusOk().bodyJson();
        listed.extractingPath("$[?(@.id == 'USA-TPS80-SLICE')].surveyed").asArray().containsExactly(true);
        listed.extractingPath("$[?(@.id == 'JPN-FPS5-SADO')].surveyed").as("a demo land radar").asArray().containsExactly(true);
        listed.extractingPath("$[?(@.id == 'USA-DDG-MUSTIN')].surveyed").as("a demo ship").asArray().containsExactly(false);
    }

    @Test
    void theRegistrationEstimatesAreTheReadersOwnAndNameNoSensorItMayNotSee() throws Exception {
        // Kyogamisaki's radar (SECRET//NOFORN: a JPN reader is not listed it) reports marked REL TO USA, JPN
        long now = System.currentTimeMillis();
        for (long t = now - 10_000; t <= now; t += 2_000) {
            picture.ingest(new CotEvent("USA-TPY2-KYOGA.slice", "a-u-A", "m-r", t, t, t + 30_000, 36.0, 135.0 + (t - now) * 1e-5, CotEvent.UNKNOWN, 150,
                    CotEvent.UNKNOWN, "SECRET", null, "REL TO USA, JPN", Double.NaN, Double.NaN, null, null), new Source("usa-radar", "USA", null));
        }
        signedIn.as(JPN_PLANNER);
        assertThat(mvc.get().uri("/api/v1/picture/sensors/registration")).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .bodyJson().extractingPath("$[*].sensor").asArray().doesNotContain("USA-TPY2-KYOGA");
        // the list the picture gives the signed-in reader, as JSON
        signedIn.as(USA_PLANNER);
        assertThat(mvc.get().uri("/api/v1/picture/sensors/registration")).hasStatusOk().bodyJson()
                .isEqualTo(json.writeValueAsString(picture.registration(USA_PLANNER.reader())));
    }

    @Test
    void anEstimateIsWrittenWithItsFieldsAndTheInstantItsBiasJumped() {
        String written = json.writeValueAsString(new SensorRegistration("JPN-DDG-MAYA", "estimated", 312.4, -145.0, 41.5, 38.0, 57,
                Instant.parse("2026-12-07T09:00:12.250Z")));
        assertThat(written).isEqualTo("""
                {"sensor":"JPN-DDG-MAYA","role":"estimated","biasEast":312.4,"biasNorth":-145.0,"sigmaEast":41.5,"sigmaNorth":38.0,\
                "reportsUsed":57,"jumpedAt":"2026-12-07T09:00:12.250Z"}""");
        assertThat(json.writeValueAsString(new SensorRegistration("JPN-FPS5-SADO", "surveyed", 0, 0, 0, 0, 0, null)))
                .as("a bias that never jumped has no jumpedAt").doesNotContain("jumpedAt");
    }

    @Test
    void aViewerMayNotRegisterAndIsToldWhatRegisteringNeeds() {
        signedIn.as(USA_VIEWER);
        assertThat(register(sensor("USA-VIEWER-PROBE", "USA", "CONFIDENTIAL//REL TO USA, JPN"))).hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().startsWith("registering a sensor needs the administrator or planner role");
        assertThat(sensors.find("USA-VIEWER-PROBE")).isEmpty();
    }

    @Test
    void aPartnersPlannerMayNotRegisterASensorOfAnotherNationWhetherItsIdIsTakenOrNot() throws Exception {
        signedIn.as(JPN_PLANNER);
        MvcTestResult taken = register(sensor("USA-TPY2-KYOGA", "USA", "SECRET//REL TO USA, JPN"));
        MvcTestResult free = register(sensor("USA-FREE-SLICE", "USA", "SECRET//REL TO USA, JPN"));
        assertThat(taken).hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("the sensor's nation (USA)").doesNotContain("already registered");
        assertThat(taken.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as("a taken id answers exactly as a free one")
                .isEqualTo(free.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sensors.find("USA-FREE-SLICE")).isEmpty();
    }

    @Test
    void aRecordThatIsWrongIsABadRequestProblemThatSaysWhat() {
        assertThat(register(sensor("USA-BADLABEL", "USA", "SECRET//REL TO JPN, USA"))).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("default label does not parse");
        assertThat(register(sensor("USA-TS-PROBE", "USA", "TOP SECRET//NOFORN"))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("above the sensor registry's ceiling");
        assertThat(register(sensor("USA-TPY2-SHARIKI", "USA", "SECRET//REL TO USA, JPN"))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("already registered");
        assertThat(sensors.find("USA-BADLABEL")).isEmpty();
        assertThat(sensors.find("USA-TS-PROBE")).isEmpty();
    }

    @Test
    void aBodyThatIsNoSensorRecordIsABadRequestProblemThatRepeatsNothingOfIt() {
        assertThat(register("{\"id\": \"USA-BROKEN\", \"nation\": ")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("The request body could not be read: it is not in the form this endpoint takes.");
        assertThat(mvc.post().uri("/api/v1/picture/sensors").contentType(MediaType.TEXT_PLAIN).content("USA-TEXT"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
