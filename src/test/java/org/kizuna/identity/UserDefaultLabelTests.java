package org.kizuna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.Picture;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.kizuna.testing.Readers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * A user's default label (issue 16, point 1): an administrator sets the label a user's unlabelled reports take
 * (as ATAK sends them, with no label); it must parse, be one the node may hold and one the user may read; bad input
 * changes nothing; a JPN planner's unlabelled report on a USA node then reaches JPN readers instead of being refused.
 */
@H2Node
class UserDefaultLabelTests {

    @LocalServerPort int port;

    @Autowired UserDirectory users;

    @Autowired Picture picture;

    Api admin() {
        return Api.on(port).as("usa.admin", "demo");
    }

    @AfterEach
    void cleared() {
        admin().put("/api/v1/users/jpn.officer/default-label", "{\"label\": null}");
    }

    @Test
    void anAdministratorSetsAUsersDefaultLabelAndItsUnlabelledReportsTakeIt() {
        String event = """
                <event version="2.0" uid="ANDROID-jpn-officer" type="a-f-G-U-C" how="m-g" time="%s" start="%1$s" stale="%s">\
                <point lat="35.0" lon="139.0" hae="10" ce="9.9" le="9999999"/><detail><contact callsign="KAZE"/></detail></event>"""
                .formatted(Instant.now(), Instant.now().plusSeconds(60));
        Api jpn = Api.on(port).as("jpn.officer", "demo");
        assertThat(jpn.post("/api/v1/picture/events", event, "application/xml").status()).as("own nation only: a label this node may not hold").isEqualTo(400);

        Api.Response set = admin().put("/api/v1/users/jpn.officer/default-label", "{\"label\": \"SECRET//REL TO USA, JPN\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("defaultLabel").asText()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(users.defaultLabel("jpn.officer")).contains("SECRET//REL TO USA, JPN");

        assertThat(jpn.post("/api/v1/picture/events", event, "application/xml").status()).isEqualTo(HttpStatus.ACCEPTED.value());
        Awaitility.await().until(() -> picture.tracks(Readers.jpn()).stream().anyMatch(t -> t.id().equals("ANDROID-jpn-officer")
                && t.banner().equals("SECRET//REL TO USA, JPN")));
    }

    @Test
    void aLabelThatDoesNotParseThatTheNodeMayNotHoldOrThatTheUserMayNotReadIsRefusedAndChangesNothing() {
        assertThat(admin().put("/api/v1/users/jpn.officer/default-label", "{\"label\": \"SECRET//REL TO USA, JPN\"}").status()).isEqualTo(200);
        for (String[] bad : new String[][]{{"SECRET//REL TO JP", "label:"}, {"//JPN SECRET", "may not hold"},
                {"TOP SECRET//REL TO USA, JPN", "may not read"}, {"SECRET//NOFORN", "may not read"}}) {
            Api.Response r = admin().put("/api/v1/users/jpn.officer/default-label", "{\"label\": \"" + bad[0] + "\"}");
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).as(bad[0]).contains(bad[1]);
        }
        assertThat(users.defaultLabel("jpn.officer")).contains("SECRET//REL TO USA, JPN");
        String tooLong = "{\"label\": \"" + "S".repeat(401) + "\"}";
        assertThat(admin().put("/api/v1/users/jpn.officer/default-label", tooLong).status()).isEqualTo(400);
        assertThat(admin().put("/api/v1/users/nobody/default-label", "{\"label\": null}").status()).isEqualTo(404);
        assertThat(admin().put("/api/v1/users/jpn.officer/default-label", "{\"label\": null}").status()).isEqualTo(200);
        assertThat(users.defaultLabel("jpn.officer")).isEmpty();
    }

    @Test
    void onlyAnAdministratorSetsADefaultLabel() {
        Api.Response r = Api.on(port).as("usa.officer", "demo").put("/api/v1/users/jpn.officer/default-label", "{\"label\": \"SECRET//REL TO USA, JPN\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(users.defaultLabel("jpn.officer")).isEmpty();
    }
}
