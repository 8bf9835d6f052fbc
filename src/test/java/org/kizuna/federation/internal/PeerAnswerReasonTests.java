package org.kizuna.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.node.Reason;

/**
 * A peer's answer carries its reason as a code beside the English text; the requesting node keeps the code only where it
 * can tell it (an answer's code it knows), else shows the text as it came (an older peer, an unknown or foreign code).
 */
class PeerAnswerReasonTests {

    @Test
    void anAnswersCodeTheNodeKnowsIsKeptAndToldInEachLanguage() {
        Reason r = Reason.of("plans.answer.comment-label", "SECRET//REL TO USA, JPN", Reason.list(List.of("USA", "JPN", "AUS")));
        String kept = Inbound.trusted(r.stored());
        assertThat(kept).isEqualTo(r.stored());
        Reason back = Reason.fromStored(kept);
        assertThat(back).isNotNull();
        assertThat(back.in(Locale.ENGLISH))
                .isEqualTo("the comment's label SECRET//REL TO USA, JPN is not releasable to every participating nation (USA, JPN, AUS)");
        assertThat(back.in(Locale.JAPANESE)).isEqualTo("コメントのラベル SECRET//REL TO USA, JPN はすべての参加国（USA、JPN、AUS）に開示可能ではありません");
    }

    @Test
    void anOlderPeersAnswerAndCodesThatAreNotAnAnswersKnownCodeKeepOnlyTheText() {
        assertThat(Inbound.trusted("")).as("an older peer sends no code").isNull();
        assertThat(Inbound.trusted("not json")).isNull();
        assertThat(Inbound.trusted(Reason.of("plans.answer.no-such-code").stored())).as("a newer peer's code").isNull();
        assertThat(Inbound.trusted(Reason.of("federation.peer.not-found", "USA").stored())).as("not an answer's code").isNull();
        assertThat(Inbound.trusted(Reason.of("plans.answer.malformed", Reason.of("label.no-such-code")).stored())).as("an unknown inner code").isNull();
    }

    @Test
    void anAnswerToldByAReasonCarriesTheEnglishTextAndTheCode() {
        PeerRequestAnswered a = PeerRequestAnswered.of("PA-1", "JPN", false, Reason.of("plans.answer.no-version"));
        assertThat(a.reason()).isEqualTo("the approval names no version");
        Reason code = Reason.fromStored(a.reasonCode());
        assertThat(code).isEqualTo(Reason.of("plans.answer.no-version"));
        assertThat(code == null ? "" : code.in(Locale.JAPANESE)).isEqualTo("承認に版が指定されていません");
    }
}
