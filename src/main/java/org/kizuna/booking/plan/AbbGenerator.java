package org.kizuna.booking.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes ABB instances of any size and seed with the make-up of the published ones: six sites in their
 * zones, about one facility per site for every 480 requests, one maintenance window of 4-12 h per
 * facility, requests from seven nation/zone pairs (the US from Honolulu and from the East Coast) for 2-4
 * facilities of one site, 2-8 h long, with a start window of 2-7 days and a preferred start inside it,
 * priorities 1-5 alike, two in five noisy. Deterministic for a seed. It exists so that the solver can be
 * checked on instances it was never run on.
 */
public final class AbbGenerator {

    static final Instant HORIZON_START = Instant.parse("2026-10-26T00:00:00Z");
    static final int DAYS = 28;
    static final String[][] SITES = {
            {"Okinawa", "Asia/Tokyo"}, {"Honshu", "Asia/Tokyo"}, {"Guam", "Pacific/Guam"},
            {"Hawaii", "Pacific/Honolulu"}, {"Darwin", "Australia/Darwin"}, {"Pohang", "Asia/Seoul"}};
    /** Nation and zone of the requesting units, with their weights (the US is two units in two zones). */
    static final String[][] REQUESTERS = {
            {"USA", "Pacific/Honolulu"}, {"USA", "America/New_York"}, {"KOR", "Asia/Seoul"}, {"GBR", "Europe/London"},
            {"PHL", "Asia/Manila"}, {"JPN", "Asia/Tokyo"}, {"AUS", "Australia/Sydney"}};

    private AbbGenerator() {
    }

    /** The instance as ABB JSON text. */
    public static String generate(int requests, long seed) {
        if (requests < 1) throw new IllegalArgumentException("an instance needs at least one request; got " + requests);
        SplittableRandom rnd = new SplittableRandom(seed);
        int perSite = Math.max(1, (int) Math.round(requests / 480.0));
        int grains = DAYS * 48;
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("benchmark", "ABB");
        root.put("seed", seed);
        root.put("grainMinutes", 30);
        root.put("horizonStart", HORIZON_START.toString());
        root.put("horizonEnd", HORIZON_START.plus(Duration.ofDays(DAYS)).toString());
        ObjectNode rules = root.putObject("rules");
        rules.put("quietHoursLocal", "22:00-06:00 and all Sunday, in the facility's zone, for noisy requests");
        rules.put("dutyHoursLocal", "07:00-19:00 Monday-Friday, in the requester's zone");
        rules.put("generatedBy", "./kizuna sim abb (no published FCFS baseline; bench booking computes FCFS itself)");
        ArrayNode facilities = root.putArray("facilities");
        for (String[] site : SITES) {
            for (int k = 0; k < perSite; k++) {
                ObjectNode f = facilities.addObject();
                f.put("id", site[0] + "-" + k);
                f.put("site", site[0]);
                f.put("zone", site[1]);
                int length = 8 + rnd.nextInt(17); // 4-12 h in half hours
                int start = rnd.nextInt(grains - length + 1);
                ObjectNode m = f.putArray("maintenance").addObject();
                m.put("start", at(start));
                m.put("end", at(start + length));
            }
        }
        ArrayNode out = root.putArray("requests");
        for (int i = 0; i < requests; i++) {
            String[] who = REQUESTERS[rnd.nextInt(REQUESTERS.length)];
            String site = SITES[rnd.nextInt(SITES.length)][0];
            int choices = Math.min(perSite, 2 + rnd.nextInt(3));
            List<Integer> pool = new ArrayList<>();
            for (int k = 0; k < perSite; k++) pool.add(k);
            int duration = 4 + rnd.nextInt(13); // 2-8 h in half hours
            int window = 48 * (2 + rnd.nextInt(6)); // 2-7 days
            int earliest = 1 + rnd.nextInt(grains - 48 * 7 - 1); // as published: any window may end late in the horizon
            ObjectNode r = out.addObject();
            r.put("id", "R" + i);
            r.put("nation", who[0]);
            r.put("requesterZone", who[1]);
            ArrayNode fs = r.putArray("facilities");
            for (int c = 0; c < choices; c++) {
                int at = rnd.nextInt(pool.size()); // a random one of the places left, taken out of the pool
                fs.add(site + "-" + pool.get(at));
                pool.subList(at, at + 1).clear();
            }
            r.put("durationMinutes", duration * 30);
            r.put("earliestStart", at(earliest));
            r.put("latestStart", at(earliest + window));
            r.put("preferredStart", at(earliest + rnd.nextInt(window + 1)));
            r.put("priority", 1 + rnd.nextInt(5));
            r.put("noisy", rnd.nextInt(5) < 2);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String at(int grain) {
        return HORIZON_START.plus(Duration.ofMinutes(30L * grain)).toString();
    }
}
