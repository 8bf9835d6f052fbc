package org.kizuna.picture.internal.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.picture.Picture;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.SensorRegistration;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sensor registry over HTTP. A reader is listed only the sensors whose default label it may read
 * (a sensor's existence is itself labelled). Registering is a write of the matrix ({@link Writes}): a
 * planner or administrator of the sensor's nation cleared at least to the registry's clearance floor, and
 * the sensor's default label must be one a reader of its nation at that floor may read. So whoever may
 * register a sensor may read every sensor of its nation, and "already registered" never confirms a
 * sensor the user may not read (docs/label.md, "Sensor ids and who may register them"). The tracker's
 * registration estimates ({@code GET .../registration}) are the reader's own audience's, of the sensors it is listed.
 */
@RestController
@RequestMapping("/api/v1/picture/sensors")
class SensorController {

    private final JdbcSensors sensors;
    private final LabelKernel kernel;

    private final Writes writes;
    private final Picture picture;

    SensorController(JdbcSensors sensors, LabelKernel kernel, Writes writes, Picture picture) {
        this.writes = writes;
        this.picture = picture;
        this.sensors = sensors;
        this.kernel = kernel;
    }

    @GetMapping
    List<Sensor> list(Reader reader) {
        return sensors.all().stream().filter(s -> kernel.mayRead(org.kizuna.label.Label.parse(s.defaultLabel()), reader)).toList();
    }

    /**
     * The tracker's registration estimate of each sensor the reader is listed (its default label readable) and of
     * whose reports the reader may read some, as the reader's own audience has it, in sensor-id order.
     */
    @GetMapping("/registration")
    List<SensorRegistration> registration(Reader reader) {
        return picture.registration(reader);
    }

    /**
     * A sensor to register, as JSON: the fields of {@link Sensor}; a record that does not say whether the sensor
     * was surveyed registers one that was not.
     */
    record SensorRequest(String id, String nation, String platform, String kind, String defaultLabel, double accuracyMetres, double lat,
            double lon, @Nullable Boolean surveyed) {

        Sensor sensor() {
            return new Sensor(id, nation, platform, kind, defaultLabel, accuracyMetres, lat, lon, Boolean.TRUE.equals(surveyed));
        }
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Sensor> register(@RequestBody SensorRequest request, KizunaUser user) {
        Sensor sensor = request.sensor();
        // the role before anything else, then checks of the record alone; none of them looks at other sensors
        writes.authorize(user, Write.REGISTER_SENSOR, user.nation());
        JdbcSensors.validate(sensor);
        writes.authorize(user, Write.REGISTER_SENSOR, sensor.nation());
        Reader floor = Reader.of(sensor.nation(), writes.clearanceFloor(), java.util.Set.of());
        if (!kernel.mayRead(org.kizuna.label.Label.parse(sensor.defaultLabel()), floor)) {
            throw Problems.coded(HttpStatus.BAD_REQUEST, "picture.sensor.ceiling", sensor.defaultLabel(), sensor.nation(), writes.clearanceFloor());
        }
        // only now is the id looked up: every sensor of this nation is one the user may read, so "taken" tells nothing hidden
        Sensor s = sensors.register(sensor, user.username());
        return ResponseEntity.status(HttpStatus.CREATED).body(s);
    }
}
