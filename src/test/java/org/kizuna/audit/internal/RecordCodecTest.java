package org.kizuna.audit.internal;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.kizuna.audit.AuditKind;
import org.kizuna.audit.AuditRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCodecTest {

    private static AuditRecord jpnReaderDenied() {
        return AuditRecord.readDecision("jpn.officer", "USA:report:42", false, "NOFORN: reader nation JPN not releasable",
                "SECRET//NOFORN", Instant.parse("2026-03-01T09:15:30.123456789Z"));
    }

    @Test
    void roundTripsEveryFieldAndTheIndex() {
        AuditRecord r = jpnReaderDenied();
        RecordCodec.Decoded d = RecordCodec.decode(RecordCodec.encode(17, r));
        assertThat(d.index()).isEqualTo(17);
        assertThat(d.record()).isEqualTo(r);
        AuditRecord unicode = new AuditRecord(AuditKind.APPROVAL, "自衛隊.officer", "JPN:plan:7", "APPROVED", "", "UNCLASSIFIED", Instant.EPOCH);
        assertThat(RecordCodec.decode(RecordCodec.encode(0, unicode)).record()).isEqualTo(unicode);
    }

    @Test
    void encodingIsDeterministicAndCoversTheIndex() {
        assertThat(RecordCodec.encode(5, jpnReaderDenied())).isEqualTo(RecordCodec.encode(5, jpnReaderDenied()));
        assertThat(RecordCodec.encode(5, jpnReaderDenied())).isNotEqualTo(RecordCodec.encode(6, jpnReaderDenied()));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditRecord one = new AuditRecord(AuditKind.EXPORT, "ab", "c", "OK", "", "UNCLASSIFIED", Instant.EPOCH);
        AuditRecord two = new AuditRecord(AuditKind.EXPORT, "a", "bc", "OK", "", "UNCLASSIFIED", Instant.EPOCH);
        assertThat(RecordCodec.encode(0, one)).isNotEqualTo(RecordCodec.encode(0, two));
    }

    @Test
    void rejectsAnythingEncodeWouldNotProduce() {
        byte[] good = RecordCodec.encode(3, jpnReaderDenied());
        assertThatThrownBy(() -> RecordCodec.decode(Arrays.copyOf(good, good.length - 1))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> RecordCodec.decode(Arrays.copyOf(good, good.length + 1))).hasMessageContaining("trailing");
        byte[] version = good.clone();
        version[0] = 9;
        assertThatThrownBy(() -> RecordCodec.decode(version)).hasMessageContaining("version");
        byte[] kind = good.clone();
        kind[1 + 8 + 4] = 'X'; // first letter of the kind name
        assertThatThrownBy(() -> RecordCodec.decode(kind)).hasMessageContaining("unknown kind");
        byte[] length = good.clone();
        length[1 + 8] = 0x7f;
        assertThatThrownBy(() -> RecordCodec.decode(length)).hasMessageContaining("runs past the end");
    }

    @Test
    void recordsMustCarryALabelAndAnActor() {
        assertThatThrownBy(() -> AuditRecord.approval("usa.officer", "USA:plan:1", "", " ", Instant.EPOCH))
                .hasMessageContaining("label");
        assertThatThrownBy(() -> AuditRecord.approval("", "USA:plan:1", "", "UNCLASSIFIED", Instant.EPOCH))
                .hasMessageContaining("actor");
    }
}
