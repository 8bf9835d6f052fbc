package org.kizuna.picture.web;

import java.util.List;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.sensors.JdbcSensors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sensor registry over HTTP. A reader is listed only the sensors whose default label it may read
 * (a sensor's existence is itself labelled); registering needs the planner role and a valid record.
 */
@RestController
@RequestMapping("/api/v1/picture/sensors")
class SensorController {

    private final JdbcSensors sensors;
    private final Readers readers;
    private final LabelKernel kernel;

    SensorController(JdbcSensors sensors, Readers readers, LabelKernel kernel) {
        this.sensors = sensors;
        this.readers = readers;
        this.kernel = kernel;
    }

    @GetMapping
    List<Sensor> list() {
        Reader reader = readers.reader();
        return sensors.all().stream().filter(s -> kernel.mayRead(org.kizuna.label.Label.parse(s.defaultLabel()), reader)).toList();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Sensor> register(@RequestBody Sensor sensor) {
        KizunaUser user = readers.user();
        if (!user.has(Role.PLANNER) && !user.has(Role.ADMINISTRATOR)) {
            throw PictureController.problem(HttpStatus.FORBIDDEN, "registering a sensor needs the planner role");
        }
        JdbcSensors.validate(sensor);
        if (!sensor.nation().equals(user.nation())) {
            throw new IllegalArgumentException("a nation registers its own sensors: you may register " + user.nation() + " sensors only");
        }
        if (!kernel.mayRead(org.kizuna.label.Label.parse(sensor.defaultLabel()), readers.reader())) {
            throw new IllegalArgumentException("default label " + sensor.defaultLabel() + " is one you may not read; register sensors whose reports you may see");
        }
        Sensor s = sensors.register(sensor, user.username());
        return ResponseEntity.status(HttpStatus.CREATED).body(s);
    }
}
