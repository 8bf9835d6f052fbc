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
import tools.jackson.databind.JsonNode;

/**
 * The plans rows of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole node: drafting
 * or changing a plan, approving a version and commenting on a plan. A refused write is a 403 problem+json and changes nothing; a plan the
 * user may not read answers exactly as one that does not exist.
 */
@H2Node
class WhoMayWriteWhatInPlansTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    /** A USA-JPN plan, everything UNCLASSIFIED, with the given approvers. */
    static String plan(String nations, String approvers) {
        return """
                {"title": "Matrix plan %d", "marking": "(U)", "kind": "EXERCISE", "nations": [%s],
                 "approvers": {%s}, "sections": [{"heading": "Purpose", "marking": "(U)", "text": "Train together."}]}"""
                .formatted(SEQ.incrementAndGet(), nations, approvers);
    }

    static final String USA_JPN = "\"USA\", \"JPN\"";

    String create(String usaApprover) {
        Api.Response r = as(port, "usa.officer").post("/api/v1/plans", plan(USA_JPN, "\"USA\": \"" + usaApprover + "\", \"JPN\": \"jpn.officer\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A plan of USA and JPN whose every part is SECRET//NOFORN: only US readers may read any of it (put in place as stored data). */
    String hiddenPlan() {
        String id = "PL-mx" + Integer.toHexString(SEQ.incrementAndGet() + 0x1000);
        jdbc.sql("insert into plan (id, title, title_label, kind, salt, next_section, created_by, created_at, updated_at) values (?, 'Hidden', "
                + "'SECRET//NOFORN', 'EXERCISE', '00', 2, 'usa.officer', current_timestamp, current_timestamp)").param(id).update();
        jdbc.sql("insert into plan_nation (plan_id, position, nation, approver) values (?, 0, 'USA', 'usa.officer')").param(id).update();
        jdbc.sql("insert into plan_nation (plan_id, position, nation, approver) values (?, 1, 'JPN', 'jpn.officer')").param(id).update();
        jdbc.sql("insert into plan_version (plan_id, number, status, hash, created_by, created_at, updated_at) values (?, 1, 'DRAFT', ?, 'usa.officer', "
                + "current_timestamp, current_timestamp)").params(id, "0".repeat(64)).update();
        jdbc.sql("insert into plan_section (plan_id, version, position, section_key, heading, label, body) values (?, 1, 0, 's1', 'Hidden', "
                + "'SECRET//NOFORN', 'US only')").param(id).update();
        return id;
    }

    /** What a plan holds: its versions, sections, approvals and history entries. */
    long state(String id) {
        long s = 0;
        for (String table : new String[]{"plan_version", "plan_section", "plan_approval", "plan_history"}) {
            s = s * 1000 + count(jdbc, "select count(*) from " + table + " where plan_id = ?", id);
        }
        return s;
    }

    @ParameterizedTest(name = "{0} drafts a plan of {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | USA, JPN | 201
            usa.planner  | USA, JPN | 201
            usa.clerk    | USA, JPN | 403
            usa.releaser | USA, JPN | 403
            usa.admin    | USA, JPN | 403
            jpn.officer  | USA, JPN | 201
            aus.officer  | USA, JPN | 403
            """)
    void draft(String user, String nations, int expected) {
        long before = count(jdbc, "select count(*) from plan");
        String list = "\"" + nations.replace(", ", "\", \"") + "\"";
        Api.Response r = as(port, user).post("/api/v1/plans", plan(list, "\"USA\": \"usa.officer\", \"JPN\": \"jpn.officer\""));
        assertAnswer(r, expected);
        assertThat(count(jdbc, "select count(*) from plan")).isEqualTo(expected == 201 ? before + 1 : before);
    }

    @ParameterizedTest(name = "{0} changes a {1} plan: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | readable | 201
            usa.planner  | readable | 201
            usa.clerk    | readable | 403
            usa.releaser | readable | 403
            usa.admin    | readable | 403
            jpn.officer  | readable | 201
            aus.officer  | readable | 403
            usa.officer  | hidden   | 201
            jpn.officer  | hidden   | 404
            aus.officer  | hidden   | 404
            """)
    void change(String user, String target, int expected) {
        String id = target.equals("hidden") ? hiddenPlan() : create("usa.officer");
        long before = state(id);
        String body = """
                {"sections": [{"key": "s1", "heading": "Purpose", "marking": "(U)", "text": "Train together, changed by %s."}]}""".formatted(user);
        if (target.equals("hidden")) body = body.replace("\"key\": \"s1\", ", "");
        Api.Response r = as(port, user).post("/api/v1/plans/" + id + "/versions", body);
        assertAnswer(r, expected);
        if (expected == 201) {
            assertThat(state(id)).isNotEqualTo(before);
        } else {
            assertThat(state(id)).as("a refused change changes nothing").isEqualTo(before);
        }
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/plans/PL-nothere/versions", body), "PL-nothere");
        }
    }

    @ParameterizedTest(name = "{0} approves a {1} plan whose USA approver is {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | readable | usa.officer  | 200
            usa.planner  | readable | usa.planner  | 200
            usa.releaser | readable | usa.releaser | 200
            usa.clerk    | readable | usa.officer  | 403
            usa.admin    | readable | usa.officer  | 403
            usa.releaser | readable | usa.officer  | 403
            jpn.officer  | readable | usa.officer  | 200
            aus.officer  | readable | usa.officer  | 403
            jpn.officer  | hidden   | usa.officer  | 404
            aus.officer  | hidden   | usa.officer  | 404
            """)
    void approve(String user, String target, String usaApprover, int expected) {
        String id = target.equals("hidden") ? hiddenPlan() : create(usaApprover);
        String hash = target.equals("hidden")
                ? "0".repeat(64)
                : as(port, "usa.officer").get("/api/v1/plans/" + id).json().get("versions").get(0).get("hash").asString();
        long before = state(id);
        String body = "{\"hash\": \"" + hash + "\"}";
        Api.Response r = as(port, user).post("/api/v1/plans/" + id + "/versions/1/approvals", body);
        assertAnswer(r, expected);
        if (expected == 200) {
            JsonNode approvals = r.json().get("versions").get(0).get("approvals");
            boolean mine = false;
            for (JsonNode a : approvals) mine |= a.get("approved").asBoolean() && a.get("nation").asString().equals(user.substring(0, 3).toUpperCase());
            assertThat(mine).as(approvals.toString()).isTrue();
            assertThat(count(jdbc, "select count(*) from plan_approval where plan_id = ?", id)).isEqualTo(1L);
        } else {
            assertThat(state(id)).as("a refused approval changes nothing").isEqualTo(before);
        }
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/plans/PL-nothere/versions/1/approvals", body), "PL-nothere");
        }
    }

    @ParameterizedTest(name = "{0} comments on a {1} plan: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | readable | 201
            usa.planner  | readable | 201
            usa.releaser | readable | 201
            usa.clerk    | readable | 403
            usa.admin    | readable | 403
            jpn.officer  | readable | 201
            aus.officer  | readable | 201
            usa.officer  | hidden   | 201
            jpn.officer  | hidden   | 404
            aus.officer  | hidden   | 404
            """)
    void comment(String user, String target, int expected) {
        String id = target.equals("hidden") ? hiddenPlan() : create("usa.officer");
        long before = count(jdbc, "select count(*) from plan_comment where plan_id = ?", id);
        String body = "{\"marking\": \"(U)\", \"text\": \"A word from " + user + ".\"}";
        Api.Response r = as(port, user).post("/api/v1/plans/" + id + "/comments", body);
        assertAnswer(r, expected);
        assertThat(count(jdbc, "select count(*) from plan_comment where plan_id = ?", id)).isEqualTo(expected == 201 ? before + 1 : before);
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/plans/PL-nothere/comments", body), "PL-nothere");
        }
    }
}
