package org.kizuna.identity.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepares the node's accounts at start: demo mode creates the demo users; production mode creates
 * none and refuses to start while any user still has a well-known password.
 */
@Component
@Order(0)
class NodeAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NodeAccounts.class);

    /** Passwords anyone could guess; a production node refuses to run with a user holding one. */
    static final List<String> KNOWN_PASSWORDS = List.of("demo", "password", "admin", "changeme", "kizuna", "secret", "123456");

    static final List<KizunaUser> DEMO_USERS = List.of(
            new KizunaUser("usa.officer", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.PLANNER, Role.RELEASER), ZoneId.of("Asia/Tokyo")),
            new KizunaUser("jpn.officer", "JPN", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.PLANNER, Role.RELEASER), ZoneId.of("Asia/Tokyo")),
            new KizunaUser("aus.officer", "AUS", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.PLANNER, Role.RELEASER), ZoneId.of("Australia/Sydney")),
            new KizunaUser("usa.clerk", "USA", "CONFIDENTIAL", Set.of(), Set.of(Role.VIEWER), ZoneId.of("Pacific/Honolulu")),
            new KizunaUser("usa.auditor", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.AUDITOR), ZoneId.of("Asia/Tokyo")),
            // one user per cell of the write matrix (docs/architecture.md "Who may write what")
            new KizunaUser("jpn.clerk", "JPN", "CONFIDENTIAL", Set.of(), Set.of(Role.VIEWER), ZoneId.of("Asia/Tokyo")),
            new KizunaUser("usa.planner", "USA", "CONFIDENTIAL", Set.of(), Set.of(Role.VIEWER, Role.PLANNER), ZoneId.of("Asia/Tokyo")),
            new KizunaUser("usa.releaser", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.RELEASER), ZoneId.of("Asia/Tokyo")),
            new KizunaUser("usa.admin", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.ADMINISTRATOR), ZoneId.of("Asia/Tokyo")),
            // a node's own administration (its peers, its users) is its nation's: the JPN node of the demo has one of its own
            new KizunaUser("jpn.admin", "JPN", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.ADMINISTRATOR), ZoneId.of("Asia/Tokyo")),
            // the second releaser of each nation, for releases that need two (docs/intel.md)
            new KizunaUser("usa.analyst", "USA", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.RELEASER), ZoneId.of("Asia/Tokyo")),
            new KizunaUser("jpn.analyst", "JPN", "SECRET", Set.of(), Set.of(Role.VIEWER, Role.RELEASER), ZoneId.of("Asia/Tokyo")));

    private final JdbcUsers users;
    private final PasswordEncoder encoder;
    private final NodeSettings.Mode mode;

    NodeAccounts(JdbcUsers users, PasswordEncoder encoder, NodeSettings node) {
        this.users = users;
        this.encoder = encoder;
        this.mode = node.mode();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        switch (mode) {
            case DEMO -> createDemoUsers();
            case PRODUCTION -> refuseKnownPasswords();
        }
    }

    private void createDemoUsers() {
        String hash = encoder.encode("demo");
        for (KizunaUser user : DEMO_USERS) {
            if (!users.exists(user.username())) {
                users.add(user, hash);
                log.info("demo user {} created", user.username());
            }
        }
    }

    private void refuseKnownPasswords() {
        for (JdbcUsers.Credentials c : users.allCredentials()) {
            for (String known : KNOWN_PASSWORDS) {
                if (encoder.matches(known, c.passwordHash())) {
                    throw new IllegalStateException("production mode refuses to start: user '" + c.user().username()
                            + "' has a well-known password; change it or remove the user first");
                }
            }
        }
    }
}
