package org.kizuna.tak.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kizuna.label.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tak_data_package} table. */
@Repository
class JdbcDataPackages {

    private static final String COLUMNS = "id, hash, name, mime_type, keywords, creator_uid, submitted_by, submitted_at, size_bytes, label";
    /** The columns of a package selected with the table aliased {@code p} (for joins), named as {@link #row} reads them. */
    static final String JOINED_COLUMNS = java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> "p." + c + " as " + c)
            .collect(java.util.stream.Collectors.joining(", "));
    private final JdbcClient jdbc;

    JdbcDataPackages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a package; false when the same user stored the same content under the same label already (that one stays). */
    boolean insert(DataPackage p, byte[] content) {
        boolean same = jdbc.sql("select count(*) from tak_data_package where hash = :hash and label = :label and submitted_by = :by")
                .param("hash", p.hash()).param("label", p.label().banner()).param("by", p.submittedBy()).query(Long.class).single() > 0;
        if (same) return false;
        jdbc.sql("insert into tak_data_package (" + COLUMNS
                + ", content) values (:id, :hash, :name, :mime, :keywords, :creator, :by, :at, :size, :label, :content)")
                .param("id", p.id()).param("hash", p.hash()).param("name", p.name()).param("mime", p.mimeType())
                .param("keywords", String.join(",", p.keywords()))
                .param("creator", p.creatorUid()).param("by", p.submittedBy()).param("at", Timestamp.from(p.submittedAt())).param("size", p.size())
                .param("label", p.label().banner()).param("content", content).update();
        return true;
    }

    /** The packages of this content, newest first (the caller decides which the reader may read). */
    List<DataPackage> withHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from tak_data_package where hash = :hash order by submitted_at desc, id").param("hash", hash)
                .query(JdbcDataPackages::row).list();
    }

    /** Every package, newest first (the caller decides which the reader may see, then bounds the list). */
    List<DataPackage> all() {
        return jdbc.sql("select " + COLUMNS + " from tak_data_package order by submitted_at desc, id").query(JdbcDataPackages::row).list();
    }

    Optional<byte[]> content(String id) {
        return jdbc.sql("select content from tak_data_package where id = :id").param("id", id).query((rs, i) -> rs.getBytes(1)).optional();
    }

    static DataPackage row(ResultSet rs, int i) throws SQLException {
        String kw = rs.getString("keywords");
        return new DataPackage(rs.getString("id"), rs.getString("hash"), rs.getString("name"), rs.getString("mime_type"),
                kw.isEmpty() ? List.of() : Arrays.asList(kw.split(",")), rs.getString("creator_uid"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getLong("size_bytes"), Label.parse(rs.getString("label")));
    }
}
