package org.kizuna.picture.internal.cot;

/**
 * Fast, allocation-free ISO 8601 UTC time stamps as CoT uses them ({@code 2026-11-23T07:00:00.123Z}),
 * to and from milliseconds since the epoch. {@link java.time.Instant#parse} is too slow for the hot path.
 */
public final class CotTime {

    private CotTime() {
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}; returns {@code Long.MIN_VALUE} when malformed. */
    public static long parse(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 40) return Long.MIN_VALUE;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 60
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int i = 19;
        long millis = 0;
        if (s.charAt(i) == '.') {
            i++;
            int start = i, scale = 100;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                millis += (s.charAt(i) - '0') * (long) scale;
                scale /= 10;
                i++;
            }
            if (i == start || i - start > 9) return Long.MIN_VALUE;
        }
        if (i >= n) return Long.MIN_VALUE;
        long offsetMinutes = 0;
        char z = s.charAt(i);
        if (z == 'Z') {
            if (i + 1 != n) return Long.MIN_VALUE;
        } else if (z == '+' || z == '-') {
            if (i + 6 != n || s.charAt(i + 3) != ':') return Long.MIN_VALUE;
            int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) return Long.MIN_VALUE;
            offsetMinutes = (z == '+' ? 1 : -1) * (oh * 60L + om);
        } else {
            return Long.MIN_VALUE;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 86400 + hour * 3600L + minute * 60L + second) - offsetMinutes * 60) * 1000 + millis;
    }

    /** Appends {@code epochMillis} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    public static void append(StringBuilder out, long epochMillis) {
        long secs = Math.floorDiv(epochMillis, 1000);
        int ms = (int) Math.floorMod(epochMillis, 1000);
        long days = Math.floorDiv(secs, 86400);
        int sod = (int) Math.floorMod(secs, 86400);
        // civil-from-days (Howard Hinnant's public-domain algorithm)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) y++;
        pad(out, (int) y, 4).append('-');
        pad(out, m, 2).append('-');
        pad(out, d, 2).append('T');
        pad(out, sod / 3600, 2).append(':');
        pad(out, sod / 60 % 60, 2).append(':');
        pad(out, sod % 60, 2).append('.');
        pad(out, ms, 3).append('Z');
    }

    public static String format(long epochMillis) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, epochMillis);
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder out, int v, int width) {
        int len = v == 0 ? 1 : (int) Math.log10(v) + 1;
        for (int i = len; i < width; i++) out.append('0');
        return out.append(v);
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
