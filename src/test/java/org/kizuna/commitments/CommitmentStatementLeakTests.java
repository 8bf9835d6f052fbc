package org.kizuna.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A commitment is read with the statement it was made in (a partner's commitment arrives with its statement under the
 * statement's own label): where the reader may not read the statement, the list says nothing of it (not its day), and
 * lists the commitment exactly as the single read finds it, that is not at all.
 */
@H2Node
class CommitmentStatementLeakTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Test
    void aCommitmentOfAStatementTheReaderMayNotReadShowsNothingOfTheStatement() {
        String statement = "leak-st-" + UUID.randomUUID().toString().substring(0, 8);
        String commitment = "leak-c-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into commitment_statement (id, stated, stated_day, kind, forum, forum_note, title, summary, sources, verification, label)
                select ?, '1999-09-09', date '1999-09-09', kind, forum, forum_note, 'Hidden statement', 'A statement for US eyes only', sources,
                    verification, 'SECRET//NOFORN' from commitment_statement where id = 'scc-2024-07-28'""").param(statement).update();
        jdbc.sql("""
                insert into commitment (id, statement_id, body, owner_nation, organization_id, deadline, status, sources, verification, label, updated_at)
                values (?, ?, ?, 'USA', 'usfj', date '2031-01-01', 'OPEN', 'dod-usfj-jfhq-2024', 'unverified', 'UNCLASSIFIED', current_timestamp)""")
                .params(commitment, statement, "Leak test commitment " + commitment).update();

        Api jpn = Api.on(port).as("jpn.officer", "demo");
        assertThat(jpn.get("/api/v1/commitments/" + commitment).status()).as("the single read finds it not").isEqualTo(404);
        Api.Response list = jpn.get("/api/v1/commitments");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).as("the list shows neither the statement's day nor a commitment the single read does not find")
                .doesNotContain("1999-09-09").doesNotContain(commitment).doesNotContain(statement);

        Api.Response usa = Api.on(port).as("usa.officer", "demo").get("/api/v1/commitments");
        assertThat(usa.body()).contains(commitment).contains("1999-09-09");
        assertThat(Api.on(port).as("usa.officer", "demo").get("/api/v1/commitments/" + commitment).status()).isEqualTo(200);
    }
}
