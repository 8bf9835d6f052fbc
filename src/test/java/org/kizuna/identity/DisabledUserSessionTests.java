package org.kizuna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Disabling a user ends what the user already has open, not only new sign-ins: a console session that
 * signed in through the login form before the disable is refused at its next request (and stays ended
 * after a re-enable), and the user's open picture and booking streams end at once.
 */
@H2Node
class DisabledUserSessionTests {

    private static final String USER = "usa.watch", PASSWORD = "watch-demo-password";

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Autowired PasswordEncoder passwords;

    /** A viewer of its own, so that the node's demo users (shared by every test of this context) stay as they are. */
    @BeforeEach
    void aViewer() {
        gone();
        jdbc.sql("""
                insert into kizuna_user (username, password_hash, nation, clearance, accesses, roles, zone, created_at)
                values (?, ?, 'USA', 'SECRET', '', 'VIEWER', 'UTC', ?)""")
                .params(USER, passwords.encode(PASSWORD), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** Enabled again first (through the API, as the node's memory of disabled users must hear it), then removed. */
    @AfterEach
    void gone() {
        Api.on(port).as("usa.admin", "demo").post("/api/v1/users/" + USER + "/enable", "");
        jdbc.sql("delete from kizuna_user where username = ?").param(USER).update();
    }

    @Test
    void disablingAUserEndsItsConsoleSessionAndOpenStreamsAtOnce() throws Exception {
        Api admin = Api.on(port).as("usa.admin", "demo");
        Session session = Session.signIn(port, USER, PASSWORD);
        assertThat(session.get("/api/v1/me").statusCode()).as("the session works before the disable").isEqualTo(200);
        // (the booking stream sends nothing, not even its headers, until an event its reader may read: it is
        // opened first, and is open by the time the picture stream, opened after it, has delivered)
        OpenStream booking = session.open("/api/v1/booking/events");
        OpenStream picture = session.open("/api/v1/picture/stream");
        assertThat(picture.firstLine.get(10, TimeUnit.SECONDS)).as("the picture stream delivers").startsWith("event:");
        assertThat(picture.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(picture.ended).as("open before the disable").isNotDone();
        assertThat(booking.ended).as("open before the disable").isNotDone();

        assertThat(admin.post("/api/v1/users/" + USER + "/disable", "").status()).isEqualTo(200);

        HttpResponse<String> me = session.get("/api/v1/me");
        assertThat(me.statusCode()).as("the disabled user's existing session is refused").isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(me.body()).contains("\"status\":401").doesNotContain("disabled").doesNotContain("Exception");
        picture.ended.get(5, TimeUnit.SECONDS); // throws TimeoutException while the stream still delivers
        booking.ended.get(5, TimeUnit.SECONDS);
        assertThat(booking.status.get()).as("the booking stream ended (or, had it come late, was refused)").isIn(200, 401);
        assertThat(Api.on(port).as(USER, PASSWORD).get("/api/v1/me").status()).as("nor by HTTP Basic").isEqualTo(401);
        assertThat(session.get("/api/v1/picture").statusCode()).as("nor anything else of the API").isEqualTo(401);
        assertThat(admin.get("/api/v1/me").status()).as("other users go on").isEqualTo(200);

        assertThat(admin.post("/api/v1/users/" + USER + "/enable", "").status()).isEqualTo(200);
        assertThat(session.get("/api/v1/me").statusCode()).as("the old session was invalidated, not only suspended").isEqualTo(401);
        Session again = Session.signIn(port, USER, PASSWORD);
        assertThat(again.get("/api/v1/me").statusCode()).as("a new sign-in works after the re-enable").isEqualTo(200);
    }

    @Test
    void aConsolePageOfADisabledUsersSessionGoesBackToTheLoginPage() throws Exception {
        Session session = Session.signIn(port, USER, PASSWORD);
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(Api.on(port).as("usa.admin", "demo").post("/api/v1/users/" + USER + "/disable", "").status()).isEqualTo(200);
        HttpResponse<String> page = session.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(Api.on(port).as("usa.admin", "demo").post("/api/v1/users/" + USER + "/enable", "").status()).isEqualTo(200);
    }

    /** A browser's console session: cookies kept, signed in through the login form with its CSRF token. */
    private record Session(HttpClient http, CookieManager cookies, String base) {

        static Session signIn(int port, String user, String password) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            Session s = new Session(http, cookies, "http://localhost:" + port);
            assertThat(s.get("/login").statusCode()).isEqualTo(200);
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
            return s;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json, application/problem+json, text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens a server-sent event stream (without waiting for it); {@code ended} completes when the server ends the response. */
        OpenStream open(String path) {
            OpenStream stream = new OpenStream(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
                        stream.status.complete(r.statusCode());
                        try (Stream<String> lines = r.body()) {
                            lines.forEach(line -> {
                                if (!line.isBlank()) stream.firstLine.complete(line);
                            });
                            stream.ended.complete(null);
                        } catch (RuntimeException e) {
                            stream.ended.complete(null); // the connection ended
                        }
                    }, command -> Thread.ofVirtual().start(command)).exceptionally(e -> {
                        stream.ended.complete(null);
                        return null;
                    });
            return stream;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private record OpenStream(CompletableFuture<Integer> status, CompletableFuture<String> firstLine, CompletableFuture<Void> ended) {
    }
}
