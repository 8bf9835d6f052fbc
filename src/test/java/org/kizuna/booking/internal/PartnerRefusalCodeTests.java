package org.kizuna.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.node.Reason;

/** A partner's booking refusal is kept as a code only where every code in it is a planner's refusal this node can tell. */
class PartnerRefusalCodeTests {

    @Test
    void aRefusalWhoseEveryCodeThisNodeTellsIsKept() {
        Reason r = Reason.sentences(List.of(Reason.of("booking.refused.closure", "closed")));
        assertThat(BookingShares.trusted(Reason.of("booking.refused.reserved", "3").stored())).isEqualTo(Reason.of("booking.refused.reserved", "3").stored());
        assertThat(BookingShares.trusted(Reason.of("booking.refused.reserved", r).stored())).isNotNull();
    }

    @Test
    void anyOtherCodeInsideOrOutsideKeepsOnlyTheText() {
        assertThat(BookingShares.trusted(null)).isNull();
        assertThat(BookingShares.trusted(Reason.of("booking.refused.no-such-code").stored())).as("a newer partner's code").isNull();
        assertThat(BookingShares.trusted(Reason.of("federation.peer.not-found", "USA").stored())).as("not a refusal").isNull();
        assertThat(BookingShares.trusted(Reason.of("booking.refused.reserved", Reason.of("federation.peer.not-found", "USA")).stored()))
                .as("a known code that is not a refusal, inside one").isNull();
    }
}
