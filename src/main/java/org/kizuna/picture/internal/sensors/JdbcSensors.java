package org.kizuna.picture.internal.sensors;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.kizuna.node.Problems;
import org.kizuna.picture.Sensor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sensor registry in the node's database, with the in-memory catalog the ingest path reads kept in
 * step. Loaded once at start; demo mode seeds the USA, JPN and AUS sensors of the demo scenario.
 */
public class JdbcSensors extends SensorCatalog {

    private final JdbcClient jdbc;

    public JdbcSensors(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("select id, nation, platform, kind, default_label, accuracy_m, lat, lon, surveyed, registered_by from picture_sensor")
                .query((rs, n) -> {
                    load(new Sensor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getBoolean(9)), rs.getString(10));
                    return n;
                })
                .list();
    }

    @Override
    @Transactional
    public Sensor register(Sensor s) {
        return register(s, "system");
    }

    @Override
    public synchronized Sensor register(Sensor s, String by) {
        validate(s);
        if (find(s.id()).isPresent()) throw Problems.coded(HttpStatus.BAD_REQUEST, "picture.sensor.taken", s.id());
        jdbc.sql("insert into picture_sensor (id, nation, platform, kind, default_label, accuracy_m, lat, lon, surveyed, registered_at, registered_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.nation(), s.platform(), s.kind(), s.defaultLabel(), s.accuracyMetres(), s.lat(), s.lon(), s.surveyed(),
                        Timestamp.from(Instant.now()), by)
                .update();
        load(s, by);
        return s;
    }

    /**
     * The sensors of the demo scenario (public facts: where such radars and ships are based). The fixed land
     * radars were surveyed where they stand (references for the others' registration); ships and aircraft were not.
     */
    public static List<Sensor> demo() {
        return List.of(
                new Sensor("USA-TPY2-SHARIKI", "USA", "AN/TPY-2 radar, Shariki (Aomori)", "radar", "SECRET//REL TO USA, JPN", 120, 40.77, 140.20, true),
                new Sensor("USA-TPY2-KYOGA", "USA", "AN/TPY-2 radar, Kyogamisaki (Kyoto)", "radar", "SECRET//NOFORN", 150, 35.77, 135.22, true),
                new Sensor("USA-DDG-MUSTIN", "USA", "USS Mustin (DDG-89), SPY-1D", "ship", "SECRET//REL TO USA, AUS, JPN", 80, 34.0, 139.5, false),
                new Sensor("JPN-FPS5-SADO", "JPN", "J/FPS-5 radar, Sado", "radar", "//JPN SECRET//REL TO USA, JPN", 150, 38.08, 138.40, true),
                new Sensor("JPN-DDG-MAYA", "JPN", "JS Maya (DDG-179), SPY-1D", "ship", "//JPN SECRET//REL TO USA, JPN", 80, 31.5, 129.5, false),
                new Sensor("AUS-P8A-A47", "AUS", "RAAF P-8A Poseidon, Philippine Sea", "aircraft", "//AUS SECRET//REL TO USA, AUS, JPN", 200, 26.0, 133.0,
                        false));
    }
}
