package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/label.md, "Sensor ids and who may register them": registering an id taken by a sensor the user may
 * not read answers exactly what registering a free id answers, and every registered sensor is readable by
 * whoever may register sensors of its nation.
 */
@H2Node
class SensorRegistryTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Autowired JdbcSensors sensors;

    @Autowired LabelKernel kernel;

    static String sensor(String id, String nation, String label) {
        return """
                {"id":"%s","nation":"%s","platform":"probe","kind":"radar","defaultLabel":"%s","accuracyMetres":50,"lat":35,"lon":135}"""
                .formatted(id, nation, label);
    }

    long rows() {
        return jdbc.sql("select count(*) from picture_sensor").query(Long.class).single();
    }

    @Test
    void aTakenIdOfASensorTheUserMayNotReadAnswersLikeAFreeId() {
        long before = rows();
        // usa.planner (CONFIDENTIAL) may not read USA-TPY2-KYOGA (SECRET//NOFORN)
        Api planner = Api.on(port).as("usa.planner", "demo");
        assertThat(planner.get("/api/v1/picture/sensors").body()).doesNotContain("USA-TPY2-KYOGA");
        Api.Response taken = planner.post("/api/v1/picture/sensors", sensor("USA-TPY2-KYOGA", "USA", "CONFIDENTIAL//NOFORN"));
        Api.Response free = planner.post("/api/v1/picture/sensors", sensor("USA-FREE-PROBE", "USA", "CONFIDENTIAL//NOFORN"));
        assertThat(taken.status()).isEqualTo(403);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(taken.body()).isEqualTo(free.body()).doesNotContain("already registered");
        // a partner planner probing another nation's ids: the same answer, taken or free
        Api jpn = Api.on(port).as("jpn.officer", "demo");
        Api.Response foreignTaken = jpn.post("/api/v1/picture/sensors", sensor("USA-TPY2-KYOGA", "USA", "SECRET//REL TO USA, JPN"));
        Api.Response foreignFree = jpn.post("/api/v1/picture/sensors", sensor("USA-FREE-PROBE", "USA", "SECRET//REL TO USA, JPN"));
        assertThat(foreignTaken.status()).isEqualTo(403);
        assertThat(foreignTaken.body()).isEqualTo(foreignFree.body());
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aSensorAboveTheRegistryCeilingIsRefusedOnItsRecordAlone() {
        long before = rows();
        Api usa = Api.on(port).as("usa.officer", "demo");
        Api.Response top = usa.post("/api/v1/picture/sensors", sensor("USA-TS-PROBE", "USA", "TOP SECRET//NOFORN"));
        assertThat(top.status()).isEqualTo(400);
        assertThat(top.body()).contains("ceiling");
        assertThat(rows()).isEqualTo(before);
        // whoever may register: a planner cleared SECRET sees every sensor of its nation, so "already registered" hides nothing
        Api.Response again = usa.post("/api/v1/picture/sensors", sensor("USA-TPY2-KYOGA", "USA", "SECRET//NOFORN"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("already registered");
    }

    @Test
    void everyRegisteredSensorIsReadableAtTheFloorOfItsNation() {
        for (Sensor s : sensors.all()) {
            assertThat(kernel.mayRead(Label.parse(s.defaultLabel()), Reader.of(s.nation(), "SECRET", Set.of()))).as(s.id()).isTrue();
        }
    }
}
