package org.kizuna.node;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Times and days in the node's database, written and read alike by every module's store: an instant is written as a
 * timestamp in UTC and read back as the same instant, a day as a {@code date} column; and lists kept as comma-separated text.
 */
public final class Columns {

    private Columns() {
    }

    /** The instant as a timestamp in UTC, to write; null stays null. */
    @Contract("!null -> !null")
    public static @Nullable OffsetDateTime utc(@Nullable Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** The instant in the timestamp column, or null where the column is null. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The instant in a timestamp column that is never null; an SQLException naming the column where it is. */
    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        Instant i = instant(rs, column);
        if (i == null) throw new SQLException(column + " is null");
        return i;
    }

    /** The day in the date column, or null where the column is null. */
    public static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** The values of a list kept as comma-separated text ({@code USA,JPN}); none where the column is null or blank. */
    public static List<String> list(@Nullable String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.copyOf(Arrays.asList(csv.split(",")));
    }

    /** The day in a date column that is never null; an SQLException naming the column where it is. */
    public static LocalDate requiredDate(ResultSet rs, String column) throws SQLException {
        LocalDate d = date(rs, column);
        if (d == null) throw new SQLException(column + " is null");
        return d;
    }
}
