package org.kizuna.booking.plan;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Every feasible (facility, start) of every request under the hard rules that do not depend on other
 * bookings (window, closures, quiet hours for noisy activity), with its soft cost: grains from the
 * preferred start plus 4 per grain outside the requester's duty hours. Computed once with prefix sums.
 */
public final class Options {

    public static final int OFF_DUTY_WEIGHT = 4;

    private final int[][] facility;
    private final int[][] start;
    private final int[][] soft;

    private Options(int[][] facility, int[][] start, int[][] soft) {
        this.facility = facility;
        this.start = start;
        this.soft = soft;
    }

    public int count(int request) {
        return facility[request].length;
    }

    public int facility(int request, int option) {
        return facility[request][option];
    }

    public int start(int request, int option) {
        return start[request][option];
    }

    public int soft(int request, int option) {
        return soft[request][option];
    }

    public static Options of(Problem p) {
        Horizon h = p.horizon();
        int grains = h.grains();
        int nf = p.facilities().size();
        int[][] closedSum = new int[nf][], quietSum = new int[nf][];
        for (int f = 0; f < nf; f++) {
            closedSum[f] = prefix(p.facilities().get(f).closed());
            quietSum[f] = prefix(h.quietGrains(p.facilities().get(f).zone()));
        }
        Map<ZoneId, int[]> offDuty = new HashMap<>();
        int n = p.requests().size();
        int[][] fac = new int[n][], st = new int[n][], so = new int[n][];
        int[] bf = new int[4096], bs = new int[4096], bc = new int[4096];
        for (int r = 0; r < n; r++) {
            Problem.Request q = p.requests().get(r);
            int[] off = offDuty.computeIfAbsent(q.requesterZone(), z -> prefix(h.offDutyGrains(z)));
            int count = 0;
            int from = Math.max(0, q.earliest()), to = Math.min(q.latest(), grains - q.duration());
            for (int fk = 0; fk < q.facilities().length; fk++) {
                int f = q.facilities()[fk];
                int[] own = q.closedFor() != null && q.closedFor()[fk] != null ? prefix(q.closedFor()[fk]) : null;
                for (int s = from; s <= to; s++) {
                    int e = s + q.duration();
                    if (closedSum[f][e] - closedSum[f][s] > 0) continue;
                    if (own != null && own[e] - own[s] > 0) continue;
                    if (q.noisy() && quietSum[f][e] - quietSum[f][s] > 0) continue;
                    if (count == bf.length) {
                        bf = java.util.Arrays.copyOf(bf, count * 2);
                        bs = java.util.Arrays.copyOf(bs, count * 2);
                        bc = java.util.Arrays.copyOf(bc, count * 2);
                    }
                    bf[count] = f;
                    bs[count] = s;
                    bc[count] = Math.abs(s - q.preferred()) + OFF_DUTY_WEIGHT * (off[e] - off[s]);
                    count++;
                }
            }
            fac[r] = java.util.Arrays.copyOf(bf, count);
            st[r] = java.util.Arrays.copyOf(bs, count);
            so[r] = java.util.Arrays.copyOf(bc, count);
        }
        return new Options(fac, st, so);
    }

    private static int[] prefix(boolean[] flags) {
        int[] s = new int[flags.length + 1];
        for (int i = 0; i < flags.length; i++) s[i + 1] = s[i] + (flags[i] ? 1 : 0);
        return s;
    }
}
