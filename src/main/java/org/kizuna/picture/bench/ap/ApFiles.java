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
 * tracks ({@code t_s,id,x_m,vx_mps,y_m,vy_mps}), and the sensors' true registration offsets
 * ({@code sensor,bias_x_m,bias_y_m}; for scoring the tracker's bias estimates, never read by the tracker).
 * Parsed by hand, columnar, with clear errors naming the line.
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

    /** States from rows of {@code {t, x, vx, y, vy}} and the object id of each row. */
    public static States states(List<double[]> rows, List<String> ids) {
        int n = rows.size();
        States s = new States(n, new double[n], new String[n], new double[n], new double[n], new double[n], new double[n]);
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(k);
            s.t()[k] = r[0];
            s.id()[k] = ids.get(k);
            s.x()[k] = r[1];
            s.vx()[k] = r[2];
            s.y()[k] = r[3];
            s.vy()[k] = r[4];
        }
        return s;
    }

    /** A sensor's registration offset: what its reports carry east ({@code x}) and north ({@code y}), in metres. */
    public record Offset(String sensor, double x, double y) {
    }

    /** The registration file's header. */
    public static final String REGISTRATION_HEADER = "sensor,bias_x_m,bias_y_m";

    public static Detections readDetections(Path file) throws IOException {
        Columns c = columns(file, "t_s,sensor,x_m,y_m,sigma_m,truth_id", 1, 5);
        return new Detections(c.size(), c.numbers()[0], c.texts()[1], c.numbers()[2], c.numbers()[3], c.numbers()[4], c.texts()[5]);
    }

    public static States readStates(Path file) throws IOException {
        Columns c = columns(file, null, 1);
        return new States(c.size(), c.numbers()[0], c.texts()[1], c.numbers()[2], c.numbers()[3], c.numbers()[4], c.numbers()[5]);
    }

    /** The six columns of a file by index: numbers, or (for the columns named) text, interned since a few names fill many rows. */
    private record Columns(int size, double[][] numbers, String[][] texts) {
    }

    private static Columns columns(Path file, @Nullable String expectedHeader, int... textColumns) throws IOException {
        List<String[]> rows = rows(file, expectedHeader, 6);
        int n = rows.size();
        double[][] numbers = new double[6][];
        String[][] texts = new String[6][];
        for (int c : textColumns) texts[c] = new String[n];
        for (int c = 0; c < 6; c++) numbers[c] = new double[texts[c] == null ? n : 0]; // a text column has no numbers
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            for (int c = 0; c < 6; c++) {
                if (texts[c] != null) texts[c][i] = r[c].intern();
                else numbers[c][i] = number(r[c], file, i);
            }
        }
        return new Columns(n, numbers, texts);
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

    /** The offsets of a registration file, in file order; a sensor named twice is an error. */
    public static List<Offset> readRegistration(Path file) throws IOException {
        List<String[]> rows = rows(file, REGISTRATION_HEADER, 3);
        List<Offset> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (!seen.add(r[0])) throw new IOException(file + " row " + (i + 1) + ": sensor '" + r[0] + "' given twice");
            out.add(new Offset(r[0], number(r[1], file, i), number(r[2], file, i)));
        }
        return out;
    }

    public static void writeRegistration(Path file, List<Offset> offsets) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(REGISTRATION_HEADER);
            w.newLine();
            for (Offset o : offsets) {
                w.write(o.sensor() + "," + o.x() + "," + o.y());
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
