package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The APIs behind the staff pages (intel, plans, commitments, exercises, missions, authority) answer their problems in
 * the reader's language: a Japanese reader gets Japanese titles and details, validation messages included, and an
 * English reader the English texts as before.
 */
@H2Node
class StaffApisLanguageTests {

    @LocalServerPort int port;

    Api japanese(String user) {
        return Api.on(port).as(user, "demo").acceptingLanguage("ja-JP,ja;q=0.9");
    }

    Api english(String user) {
        return Api.on(port).as(user, "demo").acceptingLanguage("en-US");
    }

    @Test
    void aMissingReportAndASecondApprovalByTheSameReleaserAreToldInJapanese() {
        Api.Response missing = japanese("usa.officer").get("/api/v1/intel/reports/IR-nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("title").asString()).isEqualTo("見つかりません");
        assertThat(missing.json().get("detail").asString()).isEqualTo("報告「IR-nothing」、またはその中の該当する部分はありません");
        assertThat(english("usa.officer").get("/api/v1/intel/reports/IR-nothing").json().get("detail").asString())
                .isEqualTo("no report 'IR-nothing', or no such portion in it");

        String id = english("usa.officer").post("/api/v1/intel/reports", """
                {"title": {"marking": "(U)", "text": "EXERCISE: two releasers"}, "portions": [{"marking": "(S//NF)", "text": "EXERCISE: held"}]}""")
                .json().get("id").asString();
        String release = "{\"portion\": \"1\", \"to\": [\"JPN\"]}";
        assertThat(english("usa.officer").post("/api/v1/intel/reports/" + id + "/releases", release).status()).isEqualTo(202);
        Api.Response again = japanese("usa.officer").post("/api/v1/intel/reports/" + id + "/releases", release);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("title").asString()).isEqualTo("第二リリース担当者が必要");
        assertThat(again.json().get("detail").asString()).contains("あなた（usa.officer）はこのリリースを承認済みです");

        Api.Response invalid = japanese("usa.officer").post("/api/v1/intel/reports", "{\"title\": {\"marking\": \"(U)\", \"text\": \"\"}, \"portions\": []}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("title").asString()).isEqualTo("不正な要求");
        assertThat(invalid.json().get("detail").asString()).contains("報告には 1 つ以上の部分が必要です").contains("件名は空にできません");
    }

    @Test
    void plansCommitmentsExercisesMissionsAndAuthorityAnswerInJapanese() {
        Api.Response plan = japanese("usa.officer").post("/api/v1/plans", """
                {"title": "", "marking": "(U)", "kind": "CONTINGENCY", "nations": ["USA"], "approvers": {}, "sections": []}""");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.json().get("detail").asString()).contains("計画には件名が必要です").contains("計画の参加国は 2～8 か国です");

        Api.Response commitment = japanese("usa.officer").post("/api/v1/commitments/futenma-frf/changes", "{\"note\": \"確認\"}");
        assertThat(commitment.status()).isEqualTo(400);
        assertThat(commitment.json().get("detail").asString()).startsWith("変更として記録する内容がありません");

        Api.Response hours = japanese("usa.officer").get("/api/v1/exercises/no-such-exercise/conference-times?hours=30");
        assertThat(hours.json().get("detail").asString()).isEqualTo("hours は 1～8 で指定してください（指定値: 30）");
        Api.Response zone = japanese("usa.officer").get("/api/v1/exercises/no-such-exercise/conference-times?zone=Mars/Olympus");
        assertThat(zone.json().get("detail").asString()).contains("「Mars/Olympus」はタイムゾーンではありません");
        assertThat(english("usa.officer").get("/api/v1/exercises/no-such-exercise/conference-times?hours=30").json().get("detail").asString())
                .isEqualTo("hours must be 1 to 8; got 30");

        Api.Response since = japanese("jpn.officer").get("/api/v1/missions/analysis?asOf=2024-01-01&since=2025-01-01");
        assertThat(since.status()).isEqualTo(400);
        assertThat(since.json().get("detail").asString()).isEqualTo("since は asOf（2024-01-01）より前の日付を指定してください（指定値: 2025-01-01）");

        Api.Response same = japanese("jpn.officer").post("/api/v1/authority/support-requests", """
                {"from": "JPN", "to": "JPN", "kind": "supplies-services", "region": "japan", "neededFrom": "2030-01-01", "neededTo": "2030-01-02",
                 "label": "UNCLASSIFIED", "description": "燃料"}""");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("detail").asString()).isEqualTo("to: 支援国には JPN 以外の国を指定してください");
        Api.Response designated = japanese("usa.officer").post("/api/v1/authority/levels", "{\"region\": \"japan\", \"level\": \"armed-attack\"}");
        assertThat(designated.status()).isEqualTo(403);
        assertThat(designated.json().get("detail").asString()).startsWith("地域の事態区分の設定には");
    }

    @Test
    void theUserAdministrationsRefusalsAreToldInTheReadersLanguage() {
        Api.Response self = japanese("usa.admin").post("/api/v1/users/usa.admin/disable", "");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asString()).isEqualTo("管理者は自分自身のアカウントを無効にできません");
        assertThat(english("usa.admin").post("/api/v1/users/usa.admin/disable", "").json().get("detail").asString())
                .isEqualTo("an administrator cannot disable their own account");
        Api.Response nobody = japanese("usa.admin").post("/api/v1/users/nobody/enable", "");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("detail").asString()).isEqualTo("このノードにユーザー「nobody」はいません");
        assertThat(english("usa.admin").post("/api/v1/users/nobody/enable", "").json().get("detail").asString()).isEqualTo("no user 'nobody' on this node");
        // a marking the node may not hold, refused by the identity module's code, stays coded on its way out
        Api.Response label = japanese("usa.admin").put("/api/v1/users/usa.clerk/default-label", "{\"label\": \"NOT A MARKING\"}");
        assertThat(label.status()).isEqualTo(400);
        assertThat(label.json().get("detail").asString()).startsWith("label: 不明な分類");
    }
}
