package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ADatP-4774 import and export: exact round trips and strict refusal of anything else. */
class Adatp4774Tests {

    private static final List<Label> LABELS = List.of(
            Label.UNCLASSIFIED,
            Label.parse("SECRET//REL TO USA, JPN"),
            Label.parse("SECRET//REL TO USA, JPN").withOwner("JPN"),
            Label.parse("TOP SECRET//HCS/SI/TK//ORCON/NOFORN"),
            Label.parse("CONFIDENTIAL"),
            Label.parse("//AUS OFFICIAL:Sensitive//REL TO USA, AUS"),
            Label.parse("//COSMIC TOP SECRET//REL TO USA, NATO"),
            Label.parse("(//NR)"),
            Label.parse("SECRET//PROPIN/REL TO USA, GBR, FVEY, NATO//MISSION: KEEN SWORD, ORIENT SHIELD//COI: BMD, ISR"));

    @Test
    void everyLabelRoundTripsExactly() {
        for (Label l : LABELS) {
            String xml = Adatp4774.toXml(l);
            Label back = Adatp4774.fromXml(xml);
            assertThat(back).as(l.toString()).isEqualTo(l);
            assertThat(back.owner()).isEqualTo(l.owner());
            assertThat(Adatp4774.toXml(back)).isEqualTo(xml);
        }
    }

    @Test
    void exportCarriesPolicyClassificationCategoriesAndOriginator() {
        String xml = Adatp4774.toXml(Label.parse("TOP SECRET//SI//NOFORN"));
        assertThat(xml).contains("xmlns=\"urn:nato:stanag:4774:confidentialitymetadatalabel:1:0\"")
                .contains("<PolicyIdentifier URI=\"urn:kizuna:policy:USA\">USA</PolicyIdentifier>")
                .contains("<Classification>TOP SECRET</Classification>")
                .contains("<Category TagName=\"SCI\" Type=\"RESTRICTIVE\">")
                .contains("<Category TagName=\"Releasable To\" Type=\"PERMISSIVE\">\n      <GenericValue>USA</GenericValue>\n    </Category>")
                .contains("<OriginatorID IDType=\"ISO 3166-1 alpha-3\">USA</OriginatorID>");
    }

    @Test
    void importRefusesWhatIsNotAnExactLabel() {
        String good = Adatp4774.toXml(Label.parse("SECRET//REL TO USA, JPN"));
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace(Adatp4774.NAMESPACE, "urn:other"))).hasMessageContaining("namespace");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace("<Classification>SECRET</Classification>", "<Classification>Secret</Classification>")))
                .hasMessageContaining("not a level of the USA policy");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace(">JPN<", ">JP<"))).hasMessageContaining("unknown country code 'JP'");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace("Type=\"PERMISSIVE\"", "Type=\"RESTRICTIVE\"")))
                .hasMessageContaining("must be of Type PERMISSIVE");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace("<OriginatorID IDType=\"ISO 3166-1 alpha-3\">USA</OriginatorID>", "")))
                .hasMessageContaining("OriginatorID");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace("<Classification>", "<Extra/><Classification>"))).hasMessageContaining("unexpected element");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.substring(0, good.length() - 10))).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace("<Classification>", "<?pi x?><Classification>")))
                .isInstanceOf(InvalidMarkingException.class);
        assertThatThrownBy(() -> Adatp4774.fromXml(good.replace(">USA</OriginatorID>", ">GBR</OriginatorID>"))).hasMessageContaining("owner GBR");
        assertThatThrownBy(
                () -> Adatp4774.fromXml(good.replace("<GenericValue>JPN</GenericValue>", "<GenericValue>JPN</GenericValue><GenericValue>JPN</GenericValue>")))
                .hasMessageContaining("repeats a value");
    }
}
