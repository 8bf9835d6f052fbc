package org.kizuna.picture.bench.ap;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The AP benchmark's CSV files: detections ({@code t_s,sensor,x_m,y_m,sigma_m,truth_id}), truth and
 * tracks ({@code t_s,id,x_m,vx_mps,y_m,vy_mps}). Parsed by hand, columnar, with clear errors naming the line.
 */
public final class ApFiles {

    private ApFiles() {
    }

    /** Detections in file order; {@code truthIds} is kept for the generator's round trip only, never for tracking. */
    public record Detections(int size, double[] t, String[] sensor, double[] x, double[] y, double[] sigma, String[] truthIds) {
    }

    /** States of truths or tracks: at time t, object id, position and velocity. */
    public record States(int size, double[] t, String[] id, double[] x, double[] vx, double[] y, double[] vy) {
    }

    public static Detections readDetections(Path file) throws IOException {
        List<String[]> rows = rows(file, "t_s,sensor,x_m,y_m,sigma_m,truth_id", 6);
        int n = rows.size();
        Detections d = new Detections(n, new double[n], new String[n], new double[n], new double[n], new double[n], new String[n]);
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            d.t()[i] = number(r[0], file, i);
            d.sensor()[i] = r[1].intern();
            d.x()[i] = number(r[2], file, i);
            d.y()[i] = number(r[3], file, i);
            d.sigma()[i] = number(r[4], file, i);
            d.truthIds()[i] = r[5];
        }
        return d;
    }

    public static States readStates(Path file) throws IOException {
        List<String[]> rows = rows(file, null, 6);
        int n = rows.size();
        States s = new States(n, new double[n], new String[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            s.t()[i] = number(r[0], file, i);
            s.id()[i] = r[1].intern();
            s.x()[i] = number(r[2], file, i);
            s.vx()[i] = number(r[3], file, i);
            s.y()[i] = number(r[4], file, i);
            s.vy()[i] = number(r[5], file, i);
        }
        return s;
    }

    public static void writeStates(Path file, String header, States s) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            w.newLine();
            for (int i = 0; i < s.size(); i++) {
                w.write(time(s.t()[i]) + "," + s.id()[i] + "," + s.x()[i] + "," + s.vx()[i] + "," + s.y()[i] + "," + s.vy()[i]);
                w.newLine();
            }
        }
    }

    public static void writeDetections(Path file, Detections d) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t_s,sensor,x_m,y_m,sigma_m,truth_id");
            w.newLine();
            for (int i = 0; i < d.size(); i++) {
                w.write(time(d.t()[i]) + "," + d.sensor()[i] + "," + d.x()[i] + "," + d.y()[i] + "," + d.sigma()[i] + "," + d.truthIds()[i]);
                w.newLine();
            }
        }
    }

    /** Times are written with one decimal, as the AP files have them. */
    public static String time(double t) {
        return String.format(Locale.ROOT, "%.1f", t);
    }

    private static List<String[]> rows(Path file, @Nullable String expectedHeader, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new IOException(file + ": empty file");
            if (expectedHeader != null && !header.strip().equals(expectedHeader)) {
                throw new IOException(file + ": header must be '" + expectedHeader + "', is '" + header + "'");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty()) continue;
                String[] parts = split(line, columns);
                if (parts == null) throw new IOException(file + " line " + n + ": expected " + columns + " comma-separated columns");
                out.add(parts);
            }
        }
        return out;
    }

    private static String @Nullable [] split(String line, int columns) {
        String[] parts = new String[columns];
        int start = 0;
        for (int c = 0; c < columns - 1; c++) {
            int comma = line.indexOf(',', start);
            if (comma < 0) return null;
            parts[c] = line.substring(start, comma);
            start = comma + 1;
        }
        if (line.indexOf(',', start) >= 0) return null;
        parts[columns - 1] = line.substring(start);
        return parts;
    }

    private static double number(String s, Path file, int row) throws IOException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + " row " + (row + 1) + ": '" + s + "' is not a number");
        }
    }
}
