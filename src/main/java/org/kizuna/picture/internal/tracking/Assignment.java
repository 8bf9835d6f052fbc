package org.kizuna.picture.internal.tracking;

import java.util.Arrays;

/**
 * Globally optimal linear assignment (shortest augmenting paths, the Jonker-Volgenant family) on a
 * dense rows x columns cost matrix with rows <= columns. Reusable: buffers grow once and are kept, so
 * solving the small matrices of gated clusters allocates nothing on the hot path.
 */
public final class Assignment {

    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minv = new double[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];

    /**
     * Assigns each row a distinct column minimising the total cost. {@code cost[r * columns + c]}.
     * Writes the column of each row into {@code rowToColumn}; returns the total cost.
     */
    public double solve(double[] cost, int rows, int columns, int[] rowToColumn) {
        if (rows > columns) {
            throw new IllegalArgumentException("rows (" + rows + ") must not exceed columns (" + columns + ")");
        }
        ensure(columns + 1);
        Arrays.fill(u, 0, rows + 1, 0);
        Arrays.fill(v, 0, columns + 1, 0);
        Arrays.fill(p, 0, columns + 1, 0);
        Arrays.fill(way, 0, columns + 1, 0);
        for (int i = 1; i <= rows; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, 0, columns + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(used, 0, columns + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int base = (i0 - 1) * columns;
                for (int j = 1; j <= columns; j++) {
                    if (!used[j]) {
                        double cur = cost[base + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= columns; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= columns; j++) {
            if (p[j] != 0) {
                rowToColumn[p[j] - 1] = j - 1;
                total += cost[(p[j] - 1) * columns + j - 1];
            }
        }
        return total;
    }

    private void ensure(int n) {
        if (u.length < n) {
            u = new double[n];
            v = new double[n];
            minv = new double[n];
            p = new int[n];
            way = new int[n];
            used = new boolean[n];
        }
    }
}
