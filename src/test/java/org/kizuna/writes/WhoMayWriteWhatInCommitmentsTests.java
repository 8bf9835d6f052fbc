package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.writes.Cells.as;
import static org.kizuna.writes.Cells.assertAnswer;
import static org.kizuna.writes.Cells.assertLikeNonexistent;
import static org.kizuna.writes.Cells.count;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The commitments row of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole node:
 * recording a change of a commitment owned by USA. A refused change is a 403 problem+json and changes nothing; a
 * commitment the user may not read answers exactly as one that does not exist.
 */
@H2Node
class WhoMayWriteWhatInCommitmentsTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    /** A fresh commitment of USA (responsible: USFJ) under the given label, made in the 2024 statement of the reference data. */
    String commitment(String label) {
        String id = "matrix-commitment-" + SEQ.incrementAndGet();
        jdbc.sql("""
                insert into commitment (id, statement_id, body, owner_nation, organization_id, deadline, status, sources, verification, label, updated_at)
                values (?, 'scc-2024-07-28', ?, 'USA', 'usfj', null, 'OPEN', 'dod-usfj-jfhq-2024', 'unverified', ?, current_timestamp)""")
                .params(id, "Matrix commitment " + id, label).update();
        return id;
    }

    @ParameterizedTest(name = "{0} records a change of a {1} commitment of USA: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | UNCLASSIFIED   | 200
            usa.planner  | UNCLASSIFIED   | 200
            usa.clerk    | UNCLASSIFIED   | 403
            usa.releaser | UNCLASSIFIED   | 403
            usa.admin    | UNCLASSIFIED   | 403
            jpn.officer  | UNCLASSIFIED   | 403
            usa.officer  | SECRET//NOFORN | 200
            jpn.officer  | SECRET//NOFORN | 404
            usa.clerk    | SECRET//NOFORN | 404
            """)
    void recordAChange(String user, String label, int expected) {
        String id = commitment(label);
        String body = "{\"status\": \"IN_PROGRESS\", \"note\": \"work began\"}";
        Api.Response r = as(port, user).post("/api/v1/commitments/" + id + "/changes", body);
        assertAnswer(r, expected);
        String status = jdbc.sql("select status from commitment where id = ?").param(id).query(String.class).single();
        long changes = count(jdbc, "select count(*) from commitment_change where commitment_id = ?", id);
        if (expected == 200) {
            assertThat(status).isEqualTo("IN_PROGRESS");
            assertThat(changes).isEqualTo(1L);
        } else {
            assertThat(status).as("a refused change changes nothing").isEqualTo("OPEN");
            assertThat(changes).isZero();
        }
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/commitments/matrix-nothere/changes", body), "matrix-nothere");
        }
    }
}
