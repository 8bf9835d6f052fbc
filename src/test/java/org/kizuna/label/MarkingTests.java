package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kizuna.node.CodedArgumentException;

/** Parsing and rendering of US banners and portion marks: canonical, strict, never guessed. */
class MarkingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UNCLASSIFIED|(U)",
            "CONFIDENTIAL//NOFORN|(C//NF)",
            "SECRET//REL TO USA, JPN|(S//REL TO USA, JPN)",
            "TOP SECRET//SI//NOFORN|(TS//SI//NF)",
            "TOP SECRET//SI//FGI GBR//REL TO USA, GBR|(TS//SI//FGI GBR//REL TO USA, GBR)",
            "TOP SECRET//HCS/SI/TK//ORCON/NOFORN|(TS//HCS/SI/TK//OC/NF)",
            "SECRET//ORCON/REL TO USA, AUS, GBR, FVEY|(S//OC/REL TO USA, AUS, GBR, FVEY)",
            "SECRET//REL TO USA, FVEY, NATO|(S//REL TO USA, FVEY, NATO)",
            "SECRET|(S)",
            "UNCLASSIFIED//REL TO USA, JPN|(U//REL TO USA, JPN)",
            "//JPN SECRET//REL TO USA, JPN|(//JPN S//REL TO USA, JPN)",
            "//AUS OFFICIAL:Sensitive//REL TO USA, AUS|(//AUS OS//REL TO USA, AUS)",
            "//NATO SECRET|(//NS)",
            "//COSMIC TOP SECRET//REL TO USA, NATO|(//CTS//REL TO USA, NATO)",
            "SECRET//REL TO USA, JPN//MISSION: KEEN SWORD, ORIENT SHIELD//COI: BMD|(S//REL TO USA, JPN//MISSION: KEEN SWORD, ORIENT SHIELD//COI: BMD)",
    })
    void bannerAndPortionMarkRoundTripExactly(String banner, String portion) {
        Label fromBanner = Label.parse(banner);
        Label fromPortion = Label.parse(portion);
        assertThat(fromBanner).isEqualTo(fromPortion);
        assertThat(fromBanner.banner()).isEqualTo(banner);
        assertThat(fromBanner.portionMark()).isEqualTo(portion);
        assertThat(fromPortion.hashCode()).isEqualTo(fromBanner.hashCode());
    }

    @Test
    void ownersFollowThePolicyOfTheMarking() {
        assertThat(Label.parse("SECRET//REL TO USA, JPN").owner()).isEqualTo("USA");
        assertThat(Label.parse("//JPN SECRET//REL TO USA, JPN").owner()).isEqualTo("JPN");
        assertThat(Label.parse("//JPN SECRET//REL TO USA, JPN").policy().id()).isEqualTo("JPN");
        assertThat(Label.parse("(//NS)").owner()).isEqualTo("NATO");
        Label jpnInUsSyntax = Label.parse("SECRET//REL TO USA, JPN").withOwner("JPN");
        assertThat(jpnInUsSyntax).isNotEqualTo(Label.parse("SECRET//REL TO USA, JPN"));
        assertThat(jpnInUsSyntax.banner()).isEqualTo("SECRET//FGI JPN//REL TO USA, JPN");
        assertThat(jpnInUsSyntax.portionMark()).isEqualTo("(S//FGI JPN//REL TO USA, JPN)");
        assertThat(Label.parse("(S//FGI JPN//REL TO USA, JPN)")).isEqualTo(jpnInUsSyntax);
    }

    @Test
    void aMarkingARequestGivesInAFieldIsRefusedNamingTheField() {
        assertThat(Label.parseField("to", "SECRET//REL TO USA, JPN")).isEqualTo(Label.parse("SECRET//REL TO USA, JPN"));
        assertThatThrownBy(() -> Label.parseField("to", "SECRET//BOGUS")).isInstanceOf(CodedArgumentException.class)
                .isNotInstanceOf(InvalidMarkingException.class).hasMessageStartingWith("to: ").hasCauseInstanceOf(InvalidMarkingException.class);
    }

    @Test
    void builderCanonicalisesCountryOrder() {
        Label l = Label.builder(Policy.of("USA"), "SECRET").relTo("JPN", "FVEY", "USA", "AUS").build();
        assertThat(l.banner()).isEqualTo("SECRET//REL TO USA, AUS, JPN, FVEY");
        assertThat(l.releasableTo()).containsExactly("USA", "AUS", "JPN", "FVEY");
        assertThat(Label.UNCLASSIFIED).isEqualTo(Label.parse("UNCLASSIFIED"));
    }

    @Test
    void cursorOnTargetAttributesComposeAsTakDoes() {
        assertThat(Label.fromCot("SECRET", null, "REL TO USA, JPN").banner()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(Label.fromCot("SECRET", "NOFORN", null).banner()).isEqualTo("SECRET//NOFORN");
        assertThat(Label.fromCot("TOP SECRET", "SI", "REL TO USA, GBR").banner()).isEqualTo("TOP SECRET//SI//REL TO USA, GBR");
        assertThat(Label.fromCot("SECRET", "ORCON", "REL TO USA, GBR").banner()).isEqualTo("SECRET//ORCON/REL TO USA, GBR");
        assertThat(Label.fromCot("UNCLASSIFIED", "", "")).isEqualTo(Label.UNCLASSIFIED);
        assertThatThrownBy(() -> Label.fromCot(null, null, null)).isInstanceOf(InvalidMarkingException.class).hasMessageContaining("access is missing");
        assertThatThrownBy(() -> Label.fromCot("SECRET", null, "USA, JPN")).hasMessageContaining("REL TO USA");
        assertThatThrownBy(() -> Label.fromCot("secret", null, null)).hasMessageContaining("capitals");
        assertThatThrownBy(() -> Label.fromCot("SECRET", "NOFORN", "REL TO USA, JPN")).hasMessageContaining("contradicts");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
            "rel to usa, jpn|capitals",
            "secret//rel to usa, jpn|capitals",
            "Secret|capitals",
            "SECRET//REL TO USA, JP|unknown country code 'JP'",
            "SECRET//REL TO USA, JAP|unknown country code 'JAP'",
            "SECRET//REL TO USA, JPN,|trailing comma",
            "SECRET//REL TO USA, JPN, |trailing spaces",
            "SECRET//REL TO USA,JPN|', ' (one comma, one space)",
            "SECRET//REL TO JPN, USA|canonical order",
            "SECRET//REL TO USA, JPN, AUS|canonical order",
            "SECRET//REL TO USA, FVEY, JPN|countries come before tetragraphs",
            "SECRET//REL TO USA, USA, JPN|repeats",
            "SECRET//REL USA, JPN|not a releasability marking",
            "SECRET//REL TO USA|write NOFORN instead",
            "SECRET//REL TO GBR, JPN|does not include the owner USA",
            "SECRET//NF|banners write 'NOFORN'",
            "(S//NOFORN)|portion marks write NOFORN as 'NF'",
            "S//NOFORN|portion abbreviation",
            "(SECRET)|portion marks abbreviate",
            "TOPSECRET|unknown classification 'TOPSECRET'",
            "SECRET/NOFORN|unknown classification",
            "SECRET//NOFORN//|empty segment",
            "SECRET////NOFORN|empty segment",
            "SECRET//NOFORN/ORCON|NOFORN must be the last",
            "SECRET//OC|portion abbreviation; banners write ORCON",
            "TOP SECRET//TK/SI|alphabetical order",
            "SECRET//NOFORN//SI|out of place",
            "SECRET//XYZZY|unknown control 'XYZZY'",
            "(S//REL TO USA, JPN|must end with ')'",
            "//USA SECRET|without the '//USA ' prefix",
            "//JPN GOKUHI|not a level of the JPN policy",
            "//FRA SECRET|'FRA' has no classification policy",
            "SECRET//REL TO USA, JPN//COI: B, A|alphabetical order",
            "SECRET//FGI USA//REL TO USA, JPN|leave it out",
            "SECRET//FGI JP//REL TO USA, JPN|must name one originator",
            "SECRET//NOFORN//FGI JPN|out of place",
    })
    void variantsAreRejectedWithAReason(String marking, String reason) {
        assertThatThrownBy(() -> Label.parse(marking))
                .isInstanceOf(InvalidMarkingException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " SECRET", "SECRET ", "SECRET  //NOFORN", "SECRET\t//NOFORN", "SECRET//REL TO USA, JPN\n", "()"})
    void whitespaceAndEmptyMarkingsAreRejected(String marking) {
        assertThatThrownBy(() -> Label.parse(marking)).isInstanceOf(InvalidMarkingException.class);
    }

    @Test
    void readersAreValidatedAgainstTheirNationsPolicy() {
        assertThat(Reader.parse("AUS/OFFICIAL:Sensitive").level()).isEqualTo("OFFICIAL:Sensitive");
        assertThat(new Reader("JPN", "SECRET", java.util.Set.of("SI")).communities()).isEmpty();
        for (String bad : List.of("JP/SECRET", "JAP/SECRET", "JPN/secret", "JPN/OFFICIAL", "GBR/CONFIDENTIAL", "CAN/SECRET", "JPN", "JPN/SECRET/X")) {
            assertThatThrownBy(() -> Reader.parse(bad)).as(bad).isInstanceOf(InvalidMarkingException.class);
        }
    }

    @Test
    void policiesCarryTheirOwnLevels() {
        assertThat(Policy.of("GBR").levels()).extracting(Level::englishName).containsExactly("OFFICIAL", "SECRET", "TOP SECRET");
        assertThat(Policy.of("AUS").levels()).extracting(Level::englishName)
                .containsExactly("OFFICIAL", "OFFICIAL:Sensitive", "PROTECTED", "SECRET", "TOP SECRET");
        assertThat(Policy.of("JPN").levels()).extracting(Level::englishName).containsSubsequence("CONFIDENTIAL", "SECRET", "TOP SECRET");
        assertThat(Policy.of("KOR").levels()).extracting(Level::englishName).containsSubsequence("CONFIDENTIAL", "SECRET", "TOP SECRET");
        assertThat(Policy.of("JPN").level("SECRET").nationalName()).isEqualTo("極秘");
        assertThat(Policy.of("NATO").levels()).extracting(Level::code).containsExactly("NU", "NR", "NC", "NS", "CTS");
        assertThat(Policy.all()).extracting(Policy::id).containsExactlyInAnyOrder("USA", "JPN", "KOR", "GBR", "AUS", "NATO");
    }
}
