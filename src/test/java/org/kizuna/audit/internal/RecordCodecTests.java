package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.AuditRecord.Kind;
import org.kizuna.label.Label;

/** The canonical entry bytes: one encoding per record, and strict decoding that the verifier's fast check agrees with. */
class RecordCodecTests {

    private static AuditRecord jpnReaderDenied() {
        return new AuditRecord(Kind.READ_DECISION, "JPN/SECRET/jpn.officer", "intel/report/42", "deny", "NOFORN: reader nation JPN not releasable",
                Label.parse("SECRET//NOFORN"), Instant.parse("2026-03-01T09:15:30.123Z"));
    }

    @Test
    void roundTripsEveryFieldAndTheIndex() {
        AuditRecord r = jpnReaderDenied();
        RecordCodec.Decoded d = RecordCodec.decode(RecordCodec.encode(17, r));
        assertThat(d.index()).isEqualTo(17);
        assertThat(d.record()).isEqualTo(r);
        AuditRecord unicode = new AuditRecord(Kind.APPROVAL, "自衛隊.officer", "plans/plan/7", "approved", "", Label.UNCLASSIFIED, Instant.EPOCH);
        assertThat(RecordCodec.decode(RecordCodec.encode(0, unicode)).record()).isEqualTo(unicode);
    }

    private static final byte[] NONCE = new byte[RecordCodec.NONCE_BYTES];

    @Test
    void encodingIsDeterministicForItsRandomBytesAndCoversTheIndex() {
        assertThat(RecordCodec.encode(5, NONCE, jpnReaderDenied())).isEqualTo(RecordCodec.encode(5, NONCE, jpnReaderDenied()));
        assertThat(RecordCodec.encode(5, NONCE, jpnReaderDenied())).isNotEqualTo(RecordCodec.encode(6, NONCE, jpnReaderDenied()));
        // a new entry gets fresh random bytes: the same record twice is two different encodings
        assertThat(RecordCodec.encode(5, jpnReaderDenied())).isNotEqualTo(RecordCodec.encode(5, jpnReaderDenied()));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditRecord one = new AuditRecord(Kind.EXPORT, "ab", "c", "ok", "", Label.UNCLASSIFIED, Instant.EPOCH);
        AuditRecord two = new AuditRecord(Kind.EXPORT, "a", "bc", "ok", "", Label.UNCLASSIFIED, Instant.EPOCH);
        assertThat(RecordCodec.encode(0, NONCE, one)).isNotEqualTo(RecordCodec.encode(0, NONCE, two));
    }

    @Test
    void entriesOfVersionOneWithoutRandomBytesStillDecodeAndVerify() {
        byte[] v2 = RecordCodec.encode(41, jpnReaderDenied());
        byte[] v1 = new byte[v2.length - RecordCodec.NONCE_BYTES];
        v1[0] = 1;
        System.arraycopy(v2, 1, v1, 1, 8);
        System.arraycopy(v2, 9 + RecordCodec.NONCE_BYTES, v1, 9, v1.length - 9);
        assertThat(RecordCodec.decode(v1).index()).isEqualTo(41);
        assertThat(RecordCodec.decode(v1).record()).isEqualTo(jpnReaderDenied());
        assertThat(RecordCodec.checkedIndex(v1)).isEqualTo(41);
        assertThat(RecordCodec.banner(v1)).isEqualTo("SECRET//NOFORN");
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
        kind[1 + 8 + RecordCodec.NONCE_BYTES + 4] = 'X'; // first letter of the kind name
        assertThatThrownBy(() -> RecordCodec.decode(kind)).hasMessageContaining("unknown kind");
        byte[] length = good.clone();
        length[1 + 8 + RecordCodec.NONCE_BYTES] = 0x7f;
        assertThatThrownBy(() -> RecordCodec.decode(length)).hasMessageContaining("runs past the end");
    }

    @Test
    void recordsThatWouldNotFitTheLogAreRefusedWhenAppended() {
        assertThatThrownBy(() -> new AuditRecord(Kind.APPROVAL, "", "plans/plan/1", "approved", "", Label.UNCLASSIFIED, Instant.EPOCH))
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> new AuditRecord(Kind.APPROVAL, "usa.officer", "plans/plan/1", "approved", "x".repeat(AuditRecord.MAX_TEXT),
                Label.UNCLASSIFIED, Instant.EPOCH)).hasMessageContaining("exceed");
        byte[] largest = RecordCodec.encode(0, new AuditRecord(Kind.APPROVAL, "a", "b", "c", "日".repeat(AuditRecord.MAX_TEXT - 3),
                Label.parse("SECRET//REL TO USA, JPN"), Instant.EPOCH));
        assertThat(java.util.Base64.getEncoder().encodeToString(largest).length()).as("fits the record column").isLessThanOrEqualTo(8000);
    }

    @Test
    void theBannerComesBackFromTheBytes() {
        assertThat(RecordCodec.banner(RecordCodec.encode(1, jpnReaderDenied()))).isEqualTo("SECRET//NOFORN");
    }

    @Test
    void theVerifiersStructuralCheckAgreesWithTheDecoder() {
        byte[] good = RecordCodec.encode(12345, jpnReaderDenied());
        assertThat(RecordCodec.checkedIndex(good)).isEqualTo(12345);
        byte[] unicode = RecordCodec.encode(7,
                new AuditRecord(Kind.APPROVAL, "自衛隊.officer 🇯🇵", "plans/plan/7", "approved", "", Label.UNCLASSIFIED, Instant.EPOCH));
        assertThat(RecordCodec.checkedIndex(unicode)).isEqualTo(7);
        // every single-byte corruption and every truncation is either rejected by both or accepted by both
        for (byte[] sample : new byte[][]{good, unicode}) {
            for (int i = 0; i < sample.length; i++) {
                for (int bit : new int[]{0x01, 0x80, 0x40}) {
                    byte[] bad = sample.clone();
                    bad[i] ^= (byte) bit;
                    assertThat(agree(bad)).as("byte %d bit %x", i, bit).isTrue();
                }
                assertThat(agree(Arrays.copyOf(sample, i))).as("first %d bytes", i).isTrue();
            }
        }
    }

    @Test
    void utf8CheckRejectsOverlongSurrogateAndOutOfRangeForms() {
        assertThat(RecordCodec.wellFormedUtf8(new byte[]{(byte) 0xc0, (byte) 0xaf}, 0, 2)).isFalse(); // overlong '/'
        assertThat(RecordCodec.wellFormedUtf8(new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, 0, 3)).isFalse(); // U+D800
        assertThat(RecordCodec.wellFormedUtf8(new byte[]{(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4)).isFalse(); // > U+10FFFF
        assertThat(RecordCodec.wellFormedUtf8(new byte[]{(byte) 0xe6, (byte) 0x97}, 0, 2)).isFalse(); // cut short
        assertThat(RecordCodec.wellFormedUtf8("日本 USA".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 10)).isTrue();
    }

    /** Whether the fast check and the full decoder reach the same verdict on structure (field rules and banners are the record's and the label module's). */
    private static boolean agree(byte[] bytes) {
        boolean fast;
        boolean full;
        try {
            RecordCodec.checkedIndex(bytes);
            fast = true;
        } catch (IllegalArgumentException e) {
            fast = false;
        }
        try {
            RecordCodec.decode(bytes);
            full = true;
        } catch (org.kizuna.label.InvalidMarkingException e) {
            full = fast; // banners are parsed only when a record is read; the verifier compares them with the label column
        } catch (IllegalArgumentException e) {
            full = e.getMessage() != null && e.getMessage().contains("names its actor") ? fast : false;
        }
        return fast == full;
    }
}
