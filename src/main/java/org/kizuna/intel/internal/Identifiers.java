package org.kizuna.intel.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers a portion's text names, by which reports about the same entity are linked: a ship's MMSI (nine
 * digits after "MMSI"), a hull designation ({@code DDG-102}) or a bare hull number ({@code hull 102}), and the
 * registry's units by id or abbreviation. Full-width letters and digits (common in Japanese text) count as their
 * ASCII forms.
 */
final class Identifiers {

    /** One identifier: {@code mmsi}, {@code hull} (a designation), {@code hullno} (a hull number) or {@code unit}. */
    record Id(String kind, String value) {

        /** The words a link names it by. */
        String reason() {
            return switch (kind) {
                case "mmsi" -> "MMSI " + value;
                case "hull" -> "hull " + value;
                case "hullno" -> "hull number " + value;
                default -> "unit " + value;
            };
        }
    }

    /** A registry unit as the correlation matches it. */
    record Unit(String id, String abbreviation) {
    }

    private static final Pattern MMSI = Pattern.compile("MMSI[\\s:#.]*(?:No\\.?\\s*|番号\\s*)?(\\d{9})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HULL = Pattern
            .compile("(?<![A-Za-z0-9])(CVN|CV|DDG|DDH|DD|CG|FFG|FFM|LHD|LHA|LPD|LSD|LCC|LST|SSN|SSGN|SSBN|SS|AOE|AO|T-AKE|T-AO|MCM|PC|AS)-(\\d{1,4})(?!\\d)");
    private static final Pattern HULL_NUMBER = Pattern.compile("(?:hull(?:\\s+(?:number|no\\.?))?|船体番号|艦番号)\\s*#?\\s*(\\d{1,4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    private Identifiers() {
    }

    static Set<Id> in(String text, List<Unit> units) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Set<Id> out = new LinkedHashSet<>();
        Matcher m = MMSI.matcher(s);
        while (m.find()) out.add(new Id("mmsi", m.group(1)));
        m = HULL.matcher(s);
        while (m.find()) {
            String number = String.valueOf(Integer.parseInt(m.group(2)));
            out.add(new Id("hull", m.group(1) + "-" + number));
        }
        m = HULL_NUMBER.matcher(s);
        while (m.find()) out.add(new Id("hullno", String.valueOf(Integer.parseInt(m.group(1)))));
        for (Unit u : units) {
            if (word(s, u.abbreviation()) || word(s, u.id())) out.add(new Id("unit", u.id()));
        }
        return out;
    }

    /**
     * The identifiers stored for another report that match {@code id}: the same kind and value, and a bare hull number
     * with any designation of that number (but two designations only when equal).
     */
    static List<Id> matching(Id id) {
        return switch (id.kind()) {
            case "hull" -> List.of(id, new Id("hullno", id.value().substring(id.value().lastIndexOf('-') + 1)));
            case "hullno" -> List.of(id, new Id("hulldes", id.value()));
            default -> List.of(id);
        };
    }

    /** The rows stored for an identifier: a designation is stored also by its number (kind hulldes) for bare hull numbers. */
    static List<Id> stored(Id id) {
        return id.kind().equals("hull") ? List.of(id, new Id("hulldes", id.value().substring(id.value().lastIndexOf('-') + 1))) : List.of(id);
    }

    /** Whether {@code word} (at least three characters, not only digits) occurs with no letter or digit beside it. */
    static boolean word(String s, String word) {
        if (word.length() < 3 || word.chars().allMatch(Character::isDigit)) return false;
        int at = s.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1));
            boolean endOk = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (startOk && endOk) return true;
            at = s.indexOf(word, at + 1);
        }
        return false;
    }

    /** The great-circle distance in kilometres. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
