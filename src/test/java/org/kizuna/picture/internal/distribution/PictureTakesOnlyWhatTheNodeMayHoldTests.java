package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/**
 * An event whose label (or the default its sender gives it) this node may not hold (rule 5) is readable by
 * nobody on the node, its sender included: it is refused with the reason, counted, and never held.
 */
class PictureTakesOnlyWhatTheNodeMayHoldTests {

    static CotEvent event(String uid, String access, String caveat, String rel) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-f-G", "m-g", now, now, now + 60_000, 35, 139, 0, 10, 10, access, caveat, rel, 0, 0, null, null);
    }

    @Test
    void aPartnersOwnNationOnlyDefaultOnAUsaNodeIsRefusedAndCounted() throws Exception {
        LabelKernel usaNode = LabelKernel.standard().forNode("USA", "TOP SECRET");
        Source jpn = new Source("rest:jpn.officer", "JPN", CotIdentities.ownNationOnly("JPN", "SECRET"));
        Source usa = new Source("rest:usa.officer", "USA", CotIdentities.ownNationOnly("USA", "SECRET"));
        try (LivePicture picture = new LivePicture(usaNode, new SensorCatalog(), "USA")) {
            assertThatThrownBy(() -> picture.ingest(event("JPN-ONLY", null, null, null), jpn)).isInstanceOf(CotRejected.class)
                    .hasMessageContaining("no label").hasMessageContaining("//JPN SECRET").hasMessageContaining("may not hold");
            picture.ingest(event("JPN-REL", "SECRET", null, "REL TO USA, JPN"), jpn);
            picture.ingest(event("USA-ONLY", null, null, null), usa);
            assertThat(picture.refusedByReason()).containsEntry("label-not-held", 1L);
            assertThat(PictureBoundsTests.waitForTracks(picture, Readers.jpn(), 1)).extracting(TrackView::id).containsExactly("JPN-REL");
            assertThat(PictureBoundsTests.waitForTracks(picture, Readers.usa(), 2)).extracting(TrackView::id)
                    .containsExactlyInAnyOrder("JPN-REL", "USA-ONLY");
        }
    }

    @Test
    void aLabelAboveTheNodesAccreditationIsRefused() {
        LabelKernel secretNode = LabelKernel.standard().forNode("USA", "SECRET");
        try (LivePicture picture = new LivePicture(secretNode, new SensorCatalog(), "USA")) {
            assertThatThrownBy(() -> picture.ingest(event("TS-1", "TOP SECRET", "NOFORN", null), new Source("rest:usa.officer", "USA", null)))
                    .isInstanceOf(CotRejected.class).hasMessageContaining("TOP SECRET").hasMessageContaining("rule 5");
            assertThat(picture.refusedByReason()).containsEntry("label-not-held", 1L);
        }
    }
}
