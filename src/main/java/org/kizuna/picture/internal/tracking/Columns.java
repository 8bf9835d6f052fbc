package org.kizuna.picture.internal.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The columns of one table, grown together. A column is a primitive array indexed by row, held by a
 * handle whose {@code at} is that array (so hot loops index plain arrays: {@code pos.at[i]}); a table
 * takes its columns from here, and one call grows them all, so none can be forgotten. A full table
 * doubles, starting at 64 rows ({@link #grownCapacity}), so adding a row costs amortised constant time
 * and a scan allocates only when the picture grows.
 */
final class Columns {

    private final List<Column<?>> all = new ArrayList<>();
    private int capacity;

    /** The capacity of a table (or list) of {@code rows} rows that is full. */
    static int grownCapacity(int rows) {
        return Math.max(64, rows * 2);
    }

    /** The rows every column has room for. */
    int capacity() {
        return capacity;
    }

    /** Grows every column to {@link #grownCapacity} rows, keeping their contents. */
    void grow() {
        int old = capacity;
        capacity = grownCapacity(capacity);
        for (Column<?> c : all) c.resize(old, capacity);
    }

    Column<double[]> doubles() {
        return add(double[]::new);
    }

    /** A column of {@code width} doubles per row, row {@code i} at {@code at[i * width ..]}. */
    Column<double[]> blocks(int width) {
        Column<double[]> column = new Column<>(n -> new double[n * width], capacity, width);
        all.add(column);
        return column;
    }

    /** A block of {@code width} longs per row: row i's are {@code at[i * width]} to {@code at[i * width + width - 1]}. */
    Column<long[]> longBlocks(int width) {
        Column<long[]> column = new Column<>(n -> new long[n * width], capacity, width);
        all.add(column);
        return column;
    }

    Column<int[]> ints() {
        return add(int[]::new);
    }

    Column<long[]> longs() {
        return add(long[]::new);
    }

    Column<boolean[]> flags() {
        return add(boolean[]::new);
    }

    /** A column of small int arrays, one per row; a new row's has room for 4. */
    Column<int[][]> intArrays() {
        return add(n -> {
            int[][] rows = new int[n][];
            for (int i = 0; i < n; i++) rows[i] = new int[4];
            return rows;
        });
    }

    private <A> Column<A> add(IntFunction<A> allocate) {
        Column<A> column = new Column<>(allocate, capacity, 1);
        all.add(column);
        return column;
    }

    /** One column: {@code at} is its array, of any primitive (or array) element type. */
    static final class Column<A> {

        A at;
        private final IntFunction<A> newArray;
        private final int width;

        private Column(IntFunction<A> allocate, int length, int width) {
            this.newArray = allocate;
            this.width = width;
            this.at = allocate.apply(length);
        }

        private void resize(int oldLength, int newLength) {
            A grown = newArray.apply(newLength);
            System.arraycopy(at, 0, grown, 0, oldLength * width);
            at = grown;
        }
    }
}
