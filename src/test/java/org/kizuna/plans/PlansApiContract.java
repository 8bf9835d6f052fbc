package org.kizuna.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Plans through the API on whichever database the subclass runs the node. */
abstract class PlansApiContract {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    static String plan(String title, String... sections) {
        return """
                {"title": "%s", "marking": "(U)", "kind": "EXERCISE", "nations": ["USA", "JPN"],
                 "approvers": {"USA": "usa.officer", "JPN": "jpn.officer"}, "sections": [%s]}""".formatted(title, String.join(", ", sections));
    }

    static String section(String heading, String marking, String text) {
        return """
                {"heading": "%s", "marking": "%s", "text": "%s"}""".formatted(heading, marking, text);
    }

    static String keyed(String key, String heading, String marking, String text) {
        return """
                {"key": "%s", "heading": "%s", "marking": "%s", "text": "%s"}""".formatted(key, heading, marking, text);
    }

    JsonNode create(String body) {
        Api.Response r = as("usa.officer").post("/api/v1/plans", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String hash(JsonNode plan, int version) {
        return plan.get("versions").get(version - 1).get("hash").asString();
    }

    Api.Response approve(String user, String id, int version, String hash) {
        return as(user).post("/api/v1/plans/" + id + "/versions/" + version + "/approvals", "{\"hash\": \"" + hash + "\"}");
    }

    long rows(String table, String id) {
        return jdbc.sql("select count(*) from " + table + " where plan_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void aVersionApprovedByOneNationOnlyIsNotApproved() {
        JsonNode p = create(plan("One nation only", section("Purpose", "(U)", "Train together.")));
        String id = p.get("id").asString();
        assertThat(p.get("versions").get(0).get("status").asString()).isEqualTo("DRAFT");
        JsonNode once = approve("usa.officer", id, 1, hash(p, 1)).json();
        assertThat(once.get("versions").get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(once.has("approvedVersion")).isFalse();
        List<String> approved = new ArrayList<>();
        once.get("versions").get(0).get("approvals").forEach(a -> {
            if (a.get("approved").asBoolean()) approved.add(a.get("nation").asString());
        });
        assertThat(approved).containsExactly("USA");
        JsonNode both = approve("jpn.officer", id, 1, hash(p, 1)).json();
        assertThat(both.get("versions").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(both.get("approvedVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aPlanOfLongSectionsIsDraftedAndChanged() {
        // the plan travels whole in the events of its transaction (search, federation): more than a page must fit
        String page = "Words of a long annex. ".repeat(850);
        JsonNode p = create(plan("Long plan", section("Annex A", "(U)", page), section("Annex B", "(S//REL TO USA, JPN)", page),
                section("Annex C", "(U)", page)));
        String id = p.get("id").asString();
        assertThat(p.get("versions").get(0).get("sections").get(1).get("text").asString()).hasSize(page.length());
        Api.Response changed = as("usa.officer").post("/api/v1/plans/" + id + "/versions",
                "{\"sections\": [" + keyed("s1", "Annex A", "(U)", page + "More.") + ", " + keyed("s2", "Annex B", "(S//REL TO USA, JPN)", page) + ", "
                        + keyed("s3", "Annex C", "(U)", page) + "]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
    }

    @Test
    void aCommentIsUnderItsOwnLabelReleasableToEveryNationAndOnlyPlannersAndReleasersWriteOne() {
        String id = create(plan("Commented", section("Purpose", "(U)", "Train together."))).get("id").asString();
        Api.Response c = as("jpn.officer").post("/api/v1/plans/" + id + "/comments", "{\"marking\": \"(C//REL TO USA, JPN)\", \"text\": \"Agreed.\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        assertThat(c.json().get("comments").get(0).get("nation").asString()).isEqualTo("JPN");
        assertThat(c.json().get("comments").get(0).get("text").asString()).isEqualTo("Agreed.");
        Api.Response noforn = as("usa.officer").post("/api/v1/plans/" + id + "/comments", "{\"marking\": \"(S//NF)\", \"text\": \"Not for JPN.\"}");
        assertThat(noforn.status()).as(noforn.body()).isEqualTo(400);
        assertThat(noforn.json().get("detail").asString()).startsWith("marking").contains("not releasable to JPN");
        Api.Response viewer = as("usa.clerk").post("/api/v1/plans/" + id + "/comments", "{\"marking\": \"(U)\", \"text\": \"A viewer's word.\"}");
        assertThat(viewer.status()).as(viewer.body()).isEqualTo(403);
        assertThat(rows("plan_comment", id)).isEqualTo(1);
        // a reader who may not read the comment sees the plan without it, and no sign of when it was written
        String seen = as("usa.planner").get("/api/v1/plans/" + id).json().get("updatedAt").asString();
        Api.Response secret = as("usa.officer").post("/api/v1/plans/" + id + "/comments", "{\"marking\": \"(S//REL TO USA, JPN)\", \"text\": \"Secret.\"}");
        assertThat(secret.status()).as(secret.body()).isEqualTo(201);
        assertThat(as("usa.planner").get("/api/v1/plans/" + id).json().get("comments")).hasSize(1);
        assertThat(as("usa.planner").get("/api/v1/plans/" + id).json().get("updatedAt").asString()).isEqualTo(seen);
        // the page's banner covers the comments; a printed plan carries its title and newest version only, under theirs
        JsonNode officer = as("usa.officer").get("/api/v1/plans/" + id).json();
        assertThat(officer.get("label").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(officer.get("printLabel").asString()).isEqualTo("UNCLASSIFIED");
    }

    @Test
    void anApprovalWithAStaleHashIsRefused() {
        JsonNode p = create(plan("Stale hash", section("Purpose", "(U)", "Train together.")));
        String id = p.get("id").asString(), read = hash(p, 1);
        JsonNode amended = as("jpn.officer").post("/api/v1/plans/" + id + "/versions",
                "{\"sections\": [" + keyed("s1", "Purpose", "(U)", "Train together at night.") + "]}").json();
        assertThat(amended.get("latestVersion").asInt()).as("a draft nobody approved is amended in place").isEqualTo(1);
        assertThat(hash(amended, 1)).isNotEqualTo(read);
        Api.Response stale = approve("usa.officer", id, 1, read);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("detail").asString()).contains("changed since you read it");
        assertThat(rows("plan_approval", id)).isZero();
        assertThat(approve("usa.officer", id, 1, hash(amended, 1)).status()).isEqualTo(200);
    }

    @Test
    void onlyTheDesignatedApproverMayApproveAndARefusalChangesNothing() {
        JsonNode p = create(plan("Designated approver", section("Purpose", "(U)", "Train together.")));
        String id = p.get("id").asString();
        long history = rows("plan_history", id);
        Api.Response releaser = approve("usa.releaser", id, 1, hash(p, 1));
        assertThat(releaser.status()).isEqualTo(403);
        assertThat(releaser.json().get("detail").asString()).contains("designated approver").contains("usa.officer");
        Api.Response clerk = approve("jpn.clerk", id, 1, hash(p, 1));
        assertThat(clerk.status()).isEqualTo(403);
        Api.Response partner = approve("aus.officer", id, 1, hash(p, 1));
        assertThat(partner.status()).as("AUS may read the unclassified plan but does not take part").isEqualTo(403);
        assertThat(rows("plan_approval", id)).isZero();
        assertThat(rows("plan_history", id)).isEqualTo(history);
    }

    @Test
    void aChangeAfterApprovalIsANewDraftAndTheApprovedVersionStaysAsItWas() {
        JsonNode p = create(plan("Change after approval", section("Purpose", "(U)", "Train together."),
                section("Concept", "(S//REL TO USA, JPN)", "Five days, two staffs.")));
        String id = p.get("id").asString();
        approve("usa.officer", id, 1, hash(p, 1));
        JsonNode approved = approve("jpn.officer", id, 1, hash(p, 1)).json();
        assertThat(approved.get("versions").get(0).get("status").asString()).isEqualTo("APPROVED");
        Api.Response changed = as("jpn.officer").post("/api/v1/plans/" + id + "/versions", "{\"sections\": [" + keyed("s1", "Purpose", "(U)", "Train together.")
                + ", " + keyed("s2", "Concept", "(S//REL TO USA, JPN)", "Six days, two staffs.") + "], \"note\": \"one more day\"}");
        assertThat(changed.status()).isEqualTo(201);
        JsonNode after = changed.json();
        assertThat(after.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(after.get("versions").get(1).get("status").asString()).isEqualTo("DRAFT");
        assertThat(after.get("versions").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(after.get("approvedVersion").asInt()).isEqualTo(1);
        JsonNode v1 = as("usa.officer").get("/api/v1/plans/" + id + "/versions/1").json();
        assertThat(v1.get("hash").asString()).isEqualTo(hash(p, 1));
        assertThat(v1.get("sections").get(1).get("text").asString()).isEqualTo("Five days, two staffs.");
        // the approvals of version 1 do not carry over
        after.get("versions").get(1).get("approvals").forEach(a -> assertThat(a.get("approved").asBoolean()).isFalse());
        JsonNode diff = as("usa.officer").get("/api/v1/plans/" + id + "/diff?from=1&to=2").json();
        JsonNode concept = diff.get("rows").get(1);
        assertThat(concept.get("change").asString()).isEqualTo("CHANGED");
        assertThat(concept.get("left").get("text").toString()).contains("{\"text\":\"Five\",\"changed\":true}");
        assertThat(concept.get("right").get("text").toString()).contains("{\"text\":\"Six\",\"changed\":true}");
        assertThat(diff.get("rows").get(0).get("change").asString()).isEqualTo("UNCHANGED");
        JsonNode history = as("usa.officer").get("/api/v1/plans/" + id + "/history").json();
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("NEW_VERSION");
        assertThat(history.get(history.size() - 1).get("sections").get(0).get("key").asString()).isEqualTo("s2");
    }

    @Test
    void aSectionNotReleasableToEveryNationOrNotHeldIsRefusedAtIntake() {
        long before = jdbc.sql("select count(*) from plan").query(Long.class).single();
        Api.Response noforn = as("usa.officer").post("/api/v1/plans", plan("NOFORN section", section("Purpose", "(S//NF)", "US only.")));
        assertThat(noforn.status()).isEqualTo(400);
        assertThat(noforn.json().get("detail").asString()).contains("sections[0].marking").contains("not releasable to JPN").contains("by construction");
        Api.Response notHeld = as("usa.officer").post("/api/v1/plans", plan("Not held", section("Purpose", "//JPN SECRET", "JPN only.")));
        assertThat(notHeld.status()).isEqualTo(400);
        assertThat(notHeld.json().get("detail").asString()).contains("sections[0].marking");
        Api.Response badApprover = as("usa.officer").post("/api/v1/plans", plan("Bad approver", section("Purpose", "(U)", "x"))
                .replace("jpn.officer", "usa.clerk"));
        assertThat(badApprover.status()).isEqualTo(400);
        assertThat(badApprover.json().get("detail").asString()).contains("approvers.JPN");
        Api.Response clerk = Api.on(port).as("usa.clerk", "demo").post("/api/v1/plans", plan("Clerk", section("Purpose", "(U)", "x")));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from plan").query(Long.class).single()).isEqualTo(before);
    }

    /** A plan stored with parts the node's JPN readers may not read (as an older node or a direct write could leave one). */
    void insertPlan(String id, String titleLabel, String... sectionLabels) {
        jdbc.sql("insert into plan (id, title, title_label, kind, salt, next_section, created_by, created_at, updated_at) values (?, ?, ?, 'EXERCISE', "
                + "'00', ?, 'usa.officer', current_timestamp, current_timestamp)").params(id, "Hidden plan " + id, titleLabel, sectionLabels.length + 1)
                .update();
        jdbc.sql("insert into plan_nation (plan_id, position, nation, approver) values (?, 0, 'USA', 'usa.officer')").param(id).update();
        jdbc.sql("insert into plan_nation (plan_id, position, nation, approver) values (?, 1, 'JPN', 'jpn.officer')").param(id).update();
        jdbc.sql("insert into plan_version (plan_id, number, status, hash, created_by, created_at, updated_at) values (?, 1, 'DRAFT', ?, 'usa.officer', "
                + "current_timestamp, current_timestamp)").params(id, "0".repeat(64)).update();
        for (int i = 0; i < sectionLabels.length; i++) {
            jdbc.sql("insert into plan_section (plan_id, version, position, section_key, heading, label, body) values (?, 1, ?, ?, ?, ?, ?)")
                    .params(id, i, "s" + (i + 1), "Heading " + i + " of " + id, sectionLabels[i], "Body " + i + " of " + id).update();
        }
        jdbc.sql("insert into plan_history (plan_id, seq, changed_at, actor, action, version) values (?, 1, current_timestamp, 'usa.officer', 'CREATED', 1)")
                .param(id).update();
        for (int i = 0; i < sectionLabels.length; i++) {
            jdbc.sql("insert into plan_history_section (plan_id, seq, position, section_key, change, heading, label) values (?, 1, ?, ?, 'ADDED', ?, ?)")
                    .params(id, i, "s" + (i + 1), "Heading " + i + " of " + id, sectionLabels[i]).update();
        }
    }

    @Test
    void aJapaneseReaderNeverSeesANofornSectionAndAPlanItMayReadNothingOfIsNotFound() {
        String mixed = "PL-mix" + Long.toHexString(System.nanoTime() & 0xffff), hidden = "PL-nf" + Long.toHexString(System.nanoTime() & 0xffff);
        insertPlan(mixed, "UNCLASSIFIED", "UNCLASSIFIED", "SECRET//NOFORN", "SECRET//REL TO USA, JPN");
        insertPlan(hidden, "SECRET//NOFORN", "SECRET//NOFORN");
        Api jpn = as("jpn.officer"), usa = as("usa.officer");
        JsonNode seen = jpn.get("/api/v1/plans/" + mixed).json();
        assertThat(seen.toString()).doesNotContain("NOFORN").doesNotContain("Heading 1 of").doesNotContain("Body 1 of");
        assertThat(seen.get("versions").get(0).get("sections")).hasSize(2);
        assertThat(seen.get("label").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(jpn.get("/api/v1/plans/" + mixed + "/history").body()).doesNotContain("NOFORN").doesNotContain("Heading 1 of");
        assertThat(jpn.get("/api/v1/plans/" + mixed + "/diff?from=1&to=1").body()).doesNotContain("NOFORN").doesNotContain("Heading 1 of");
        assertThat(usa.get("/api/v1/plans/" + mixed).body()).contains("Heading 1 of");

        assertThat(jpn.get("/api/v1/plans").body()).contains(mixed).doesNotContain(hidden);
        for (String path : new String[]{"", "/history", "/diff?from=1&to=1", "/versions/1"}) {
            Api.Response none = jpn.get("/api/v1/plans/" + hidden + path), missing = jpn.get("/api/v1/plans/PL-nothere" + path);
            assertThat(none.status()).as(path).isEqualTo(404);
            assertThat(none.body().replace(hidden, "ID")).as(path).isEqualTo(missing.body().replace("PL-nothere", "ID"));
            assertThat(usa.get("/api/v1/plans/" + hidden + path).status()).as(path).isEqualTo(200);
        }
        assertThat(approve("jpn.officer", hidden, 1, "0".repeat(64)).status()).isEqualTo(404);
        // the designated approver of JPN cannot approve a version it may not read in full
        Api.Response partial = approve("jpn.officer", mixed, 1, "0".repeat(64));
        assertThat(partial.status()).isEqualTo(403);
        assertThat(partial.json().get("detail").asString()).contains("read in full").doesNotContain("NOFORN").doesNotContain("s2");
    }

    @Test
    void aPlannerWhoMayNotReadEverySectionChangesOnlyWhatItMayRead() {
        JsonNode p = create(plan("Partly readable", section("Purpose", "(U)", "Train together."),
                section("Concept", "(S//REL TO USA, JPN)", "Five days."), section("Annex", "(U)", "Maps.")));
        String id = p.get("id").asString();
        // usa.planner is cleared CONFIDENTIAL: it sees s1 and s3 only
        JsonNode seen = as("usa.planner").get("/api/v1/plans/" + id).json();
        assertThat(seen.get("versions").get(0).get("sections")).hasSize(2);
        JsonNode changed = as("usa.planner").post("/api/v1/plans/" + id + "/versions",
                "{\"sections\": [" + keyed("s1", "Purpose", "(U)", "Train together, twice.") + "]}").json();
        assertThat(changed.get("versions").get(0).get("sections")).hasSize(1);
        JsonNode full = as("usa.officer").get("/api/v1/plans/" + id).json().get("versions").get(0).get("sections");
        assertThat(full).hasSize(2);
        assertThat(full.get(0).get("text").asString()).isEqualTo("Train together, twice.");
        assertThat(full.get(1).get("text").asString()).isEqualTo("Five days.");
    }

    @Test
    void theApiDescriptionListsThePlansOperationsWithSummaries() {
        JsonNode paths = as("jpn.officer").get("/api/v1/openapi").json().get("paths");
        assertThat(paths.get("/api/v1/plans/{id}/versions/{number}/approvals").get("post").get("summary").asString()).contains("Approve");
        for (String path : new String[]{"/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/versions", "/api/v1/plans/{id}/diff",
                "/api/v1/plans/{id}/history", "/api/v1/plans/{id}/versions/{number}"}) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.get(path).forEach(op -> assertThat(op.get("summary").asString()).as(path).isNotBlank());
        }
    }
}
