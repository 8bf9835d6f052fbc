package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;

import org.kizuna.testing.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every cell of the write matrix checks, shared by the {@code WhoMayWriteWhat...Tests} of each area. */
final class Cells {

    private Cells() {
    }

    /** The answer of a cell: its status, and for a refusal a problem+json (a 403 saying what the write needs). */
    static void assertAnswer(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            if (expected == 403) assertThat(r.json().get("detail").asString()).contains("needs");
        }
    }

    /** A target the user may not read answers exactly as one that does not exist (ids aside). */
    static void assertLikeNonexistent(Api.Response hidden, String hiddenId, Api.Response none, String noneId) {
        assertThat(none.status()).as(none.body()).isEqualTo(hidden.status());
        assertThat(hidden.body().replace(hiddenId, "ID")).isEqualTo(none.body().replace(noneId, "ID"));
    }

    static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static Api as(int port, String user) {
        return Api.on(port).as(user, "demo");
    }
}
