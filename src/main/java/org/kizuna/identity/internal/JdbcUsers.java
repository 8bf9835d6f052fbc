package org.kizuna.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.identity.UserDirectory;
import org.kizuna.node.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The node's users in its database. Users are not labelled items: they are the readers themselves. */
@Repository
class JdbcUsers implements UserDirectory {

    private final JdbcClient jdbc;

    JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Credentials(KizunaUser user, String passwordHash, boolean enabled) {
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select * from kizuna_user where username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(user(rs), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    List<Credentials> allCredentials() {
        return jdbc.sql("select * from kizuna_user order by username")
                .query((rs, n) -> new Credentials(user(rs), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .list();
    }

    @Override
    public Optional<KizunaUser> find(String username) {
        return credentials(username).map(Credentials::user);
    }

    @Override
    public List<KizunaUser> all() {
        return allCredentials().stream().map(Credentials::user).toList();
    }

    @Override
    public boolean isDisabled(String username) {
        return credentials(username).map(c -> !c.enabled()).orElse(false);
    }

    @Override
    public Optional<String> defaultLabel(String username) {
        return jdbc.sql("select default_label from kizuna_user where username = ?").param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** Sets or clears (null) a user's default label; false when there is no such user. */
    boolean setDefaultLabel(String username, @org.jspecify.annotations.Nullable String label) {
        return jdbc.sql("update kizuna_user set default_label = :label where username = :name").param("label", label, java.sql.Types.VARCHAR)
                .param("name", username).update() == 1;
    }

    /** The console language the user chose ({@code en}, {@code ja}), empty where the browser's decides. */
    Optional<String> language(String username) {
        return jdbc.sql("select language from kizuna_user where username = ?").param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** Sets the user's language (null: the browser's) and home time zone; false when there is no such user. */
    boolean setPreferences(String username, @org.jspecify.annotations.Nullable String language, ZoneId zone) {
        return jdbc.sql("update kizuna_user set language = :language, zone = :zone where username = :name")
                .param("language", language, java.sql.Types.VARCHAR).param("zone", zone.getId()).param("name", username).update() == 1;
    }

    /** Enables or disables a user; false when there is no such user. */
    boolean setEnabled(String username, boolean enabled) {
        return jdbc.sql("update kizuna_user set enabled = ? where username = ?").params(enabled, username).update() == 1;
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from kizuna_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    void add(KizunaUser user, String passwordHash) {
        jdbc.sql("""
                insert into kizuna_user (username, password_hash, nation, clearance, accesses, roles, zone, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.username(), passwordHash, user.nation(), user.clearance(),
                        String.join(",", new TreeSet<>(user.accesses())),
                        user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        user.zone().getId(), OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
    }

    private static KizunaUser user(ResultSet rs) throws SQLException {
        return new KizunaUser(rs.getString("username"), rs.getString("nation"), rs.getString("clearance"),
                Set.copyOf(Columns.list(rs.getString("accesses"))),
                Columns.list(rs.getString("roles")).stream().map(Role::valueOf).collect(Collectors.toSet()),
                ZoneId.of(rs.getString("zone")));
    }
}
