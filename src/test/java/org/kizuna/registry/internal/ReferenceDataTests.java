package org.kizuna.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped reference data is consistent, and the check catches the mistakes a data editor makes. */
class ReferenceDataTests {

    @Test
    void theShippedDataPassesItsChecksAndEveryFactHasASource() {
        ReferenceData data = ReferenceData.load();
        ReferenceDataLoader.check(data);
        assertThat(data.organizations()).extracting(ReferenceData.OrganizationEntry::id).contains("usfj", "jjoc", "usarj", "ardb");
        assertThat(data.facilities()).allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
        assertThat(data.organizations()).flatExtracting(ReferenceData.OrganizationEntry::versions)
                .allSatisfy(v -> assertThat(v.verification()).isIn("verified", "reported", "unverified"));
    }

    @Test
    void aCommandRelationAcrossNationsIsRejected() {
        ReferenceData data = ReferenceData.load();
        List<ReferenceData.RelationEntry> relations = new ArrayList<>(data.relations());
        relations.add(new ReferenceData.RelationEntry("bad", "command", "usfj", "jjoc", null, null, null, List.of("usfj-about"), "verified"));
        ReferenceData bad = new ReferenceData(data.version(), data.compiled(), data.sources(), data.nations(), data.organizations(),
                relations, data.facilities(), data.forcePosture(), data.agreements());
        assertThatThrownBy(() -> ReferenceDataLoader.check(bad)).hasMessageContaining("relation bad").hasMessageContaining("within one nation");
    }

    @Test
    void aFactWithAnUnknownSourceIsRejected() {
        ReferenceData data = ReferenceData.load();
        List<ReferenceData.AgreementEntry> agreements = new ArrayList<>(data.agreements());
        agreements.add(
                new ReferenceData.AgreementEntry("raa-x", List.of("JPN", "GBR"), "JPN", java.time.LocalDate.of(2030, 1, 1), List.of("rumour"), "unverified"));
        ReferenceData bad = new ReferenceData(data.version(), data.compiled(), data.sources(), data.nations(), data.organizations(),
                data.relations(), data.facilities(), data.forcePosture(), agreements);
        assertThatThrownBy(() -> ReferenceDataLoader.check(bad)).hasMessageContaining("agreement raa-x").hasMessageContaining("unknown source rumour");
    }
}
