package org.kizuna.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.federation.PeerObservations;

/** The {@code observations} message: what a node writes is what its peer reads; an observation without a state is refused. */
class ObservationFramesTests {

    @Test
    void anObservationsMessageReadsBackAsItWasWritten() throws IOException {
        PeerObservations sent = new PeerObservations("USA", "JPN", 1_700_000_000_123L,
                List.of(new PeerObservations.Observation("USA-TPY2-SHARIKI", true, 1_700_000_000_001L, 40.5, 140.25, 50, "SECRET//REL TO USA, JPN"),
                        new PeerObservations.Observation("USA-SHIP-1", false, 1_700_000_000_050L, 36.0, 136.0, 120.5, "CONFIDENTIAL//REL TO USA, JPN")));
        byte[] frame = Frames.bytes(Frames.observations(sent));
        PeerObservations read = Frames.peerObservations(Envelope.JSON.readTree(new String(frame, StandardCharsets.UTF_8)));
        assertThat(read).isEqualTo(sent);
    }

    @Test
    void anObservationWithoutAFiniteStateOrALabelIsRefusedWithTheBatch() {
        String noSigma = "{\"t\":\"observations\",\"from\":\"USA\",\"to\":\"JPN\",\"time\":1,\"observations\":[{\"sensor\":\"r\",\"time\":1,\"lat\":1,\"lon\":2,"
                + "\"label\":\"SECRET//REL TO USA, JPN\"}]}";
        assertThatThrownBy(() -> Frames.peerObservations(Envelope.JSON.readTree(noSigma))).isInstanceOf(IOException.class).hasMessageContaining("accuracy");
        String noLabel = "{\"t\":\"observations\",\"from\":\"USA\",\"to\":\"JPN\",\"time\":1,\"observations\":[{\"sensor\":\"r\",\"time\":1,\"lat\":1,\"lon\":2,"
                + "\"sigma\":50}]}";
        assertThatThrownBy(() -> Frames.peerObservations(Envelope.JSON.readTree(noLabel))).isInstanceOf(IOException.class).hasMessageContaining("label");
    }
}
