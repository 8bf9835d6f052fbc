package org.kizuna.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kizuna.testing.Readers.*;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.label.Reader;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password guessing is throttled per user name and per client address, on HTTP Basic and form login
 * alike; a locked login answers exactly like a wrong password, whether or not the user exists; every
 * lockout is in the audit log. Each test uses user names and a loopback address of its own (127.0.0.x),
 * so the lockouts touch no other test of the shared node.
 */
@H2Node
class LoginThrottleTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Autowired PasswordEncoder encoder;

    @Autowired AuditLog audit;

    record Answer(int status, String body) {
    }

    void user(String name, String password) {
        jdbc.sql("""
                insert into kizuna_user (username, password_hash, nation, clearance, accesses, roles, zone, created_at)
                values (?, ?, 'USA', 'SECRET', '', 'VIEWER', 'UTC', ?)""")
                .params(name, encoder.encode(password), OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update();
    }

    Answer basic(String from, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    /** Form login: where the login page sends the browser. */
    String form(String from, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
        String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length()).split(";")[0]).findFirst().orElseThrow();
        String body = "username=" + user + "&password=" + password + "&_csrf=" + csrf;
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.headers().firstValue("Location").orElse("");
    }

    /** The lockout records of {@code actor}, once there are any: the audit module records the lockout event asynchronously. */
    List<AuditRecord> lockouts(String actor) {
        Reader auditor = usa(TOP_SECRET);
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).until(() -> {
            audit.flush();
            return audit.entries(0, 1000, auditor).stream().map(AuditEntry::record)
                    .filter(r -> r.kind() == AuditRecord.Kind.AUTHENTICATION && r.actor().equals(actor)).toList();
        }, found -> !found.isEmpty());
    }

    @Test
    void afterFiveFailuresAUserIsLockedAndTheRightPasswordAnswersLikeAWrongOne() throws Exception {
        user("throttle.real", "correct-horse-1");
        String from = "127.0.0.11";
        assertThat(basic(from, "throttle.real", "correct-horse-1").status()).isEqualTo(200);
        Answer wrong = basic(from, "throttle.real", "guess-0");
        assertThat(wrong.status()).isEqualTo(401);
        for (int i = 1; i < 5; i++) {
            assertThat(basic(from, "throttle.real", "guess-" + i).status()).isEqualTo(401);
        }
        Answer locked = basic(from, "throttle.real", "correct-horse-1");
        assertThat(locked).isEqualTo(wrong);
        // the user name is locked from every address, and for the console's form login too
        assertThat(basic("127.0.0.12", "throttle.real", "correct-horse-1")).isEqualTo(wrong);
        assertThat(form("127.0.0.12", "throttle.real", "correct-horse-1")).isEqualTo(form("127.0.0.12", "throttle.real", "guess-x"))
                .contains("/login?error");

        // a user name that does not exist is locked alike: the answers say nothing about existence
        for (int i = 0; i < 5; i++) {
            assertThat(basic("127.0.0.13", "throttle.ghost", "guess-" + i)).isEqualTo(wrong);
        }
        assertThat(basic("127.0.0.13", "throttle.ghost", "guess-5")).isEqualTo(wrong);

        // other users on the same address are unaffected
        assertThat(basic(from, "usa.officer", "demo").status()).isEqualTo(200);

        List<AuditRecord> records = lockouts("user throttle.real");
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().outcome()).startsWith("locked until");
        assertThat(records.getFirst().reason()).contains("5 failed logins");
        assertThat(lockouts("user throttle.ghost")).hasSize(1);
    }

    @Test
    void afterTwentyFailuresAnAddressIsLockedForEveryUser() throws Exception {
        String from = "127.0.0.21";
        for (int i = 0; i < 20; i++) {
            // a different name each time: no user name reaches its own limit
            assertThat(basic(from, "spray-" + i, "guess").status()).isEqualTo(401);
        }
        Answer locked = basic(from, "usa.officer", "demo");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(basic("127.0.0.22", "usa.officer", "demo").status()).isEqualTo(200);
        assertThat(lockouts("address 127.0.0.21")).hasSize(1);
    }
}
