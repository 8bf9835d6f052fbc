package org.kizuna.picture.internal.cluster;

/**
 * Region cells: squares of {@code degrees} of latitude and longitude, each given to one partition. A worker owns the cells
 * of the partitions the consumer group gives it: their observations, and the tracks that stand in them.
 */
record Cells(double degrees, int partitions) {

    /** The partition of the cell holding this position. */
    int partition(double lat, double lon) {
        long h = row(lat) * 0x9E3779B97F4A7C15L ^ column(lon) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return (int) Math.floorMod(h, (long) partitions);
    }

    /**
     * The partitions an observation here goes to: its cell's, and the partitions of the cells within {@code halo} degrees,
     * so that a target near an edge is tracked on both sides of it.
     */
    java.util.Set<Integer> partitions(double lat, double lon, double halo) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        out.add(partition(lat, lon));
        if (halo <= 0) return out;
        for (double dLat : new double[]{-halo, 0, halo}) {
            for (double dLon : new double[]{-halo, 0, halo}) {
                double la = Math.max(-90, Math.min(90, lat + dLat));
                out.add(partition(la, lon + dLon));
            }
        }
        return out;
    }

    /** The cell's name, the key of its observations. */
    String key(double lat, double lon) {
        return row(lat) + ":" + column(lon);
    }

    private long row(double lat) {
        return (long) Math.floor((lat + 90) / degrees);
    }

    private long column(double lon) {
        double east = lon - 360 * Math.floor(lon / 360); // 0 to 360
        return (long) Math.floor(east / degrees);
    }
}
