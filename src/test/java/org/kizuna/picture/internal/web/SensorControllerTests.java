package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.picture.internal.web.PictureWebSlice.JPN_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_VIEWER;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The HTTP contract of {@code /api/v1/picture/sensors}: a reader is listed the sensors whose label it may
 * read; a planner of a nation registers that nation's sensors (201); a bad record is a 400 problem saying
 * what is wrong, a user who may not register gets a 403 problem, and neither changes the registry.
 */
@PictureWebSlice
class SensorControllerTests {

    @Autowired MockMvcTester mvc;

    @Autowired PictureWebSlice.SignedIn signedIn;

    @Autowired JdbcSensors sensors;

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
