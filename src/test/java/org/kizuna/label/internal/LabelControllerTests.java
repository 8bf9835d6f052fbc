package org.kizuna.label.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.testing.ControllerSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/v1/labels/rollup} on its own, with the shipped label tables: a list of markings in, the
 * banner and portion mark of their roll-up out; a marking that does not parse, too many markings or a body
 * that is no list is a 400 problem that says what was wrong.
 */
@ControllerSlice(LabelController.class)
class LabelControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Kernel {
        @Bean
        LabelKernel labelKernel() {
            return LabelKernel.standard();
        }
    }

    @Autowired MockMvcTester mvc;

    MvcTestResult rollUp(String json) {
        return mvc.post().uri("/api/v1/labels/rollup").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void theRollUpOfThePartsIsTheBannerOfTheWhole() {
        assertThat(rollUp("[\"SECRET//REL TO USA, JPN\", \"CONFIDENTIAL//REL TO USA, AUS, JPN\", \"UNCLASSIFIED\"]"))
                .hasStatusOk().bodyJson().isLenientlyEqualTo("""
                        {"banner": "SECRET//REL TO USA, JPN", "portionMark": "(S//REL TO USA, JPN)"}""");
    }

    @Test
    void nothingToRollUpIsUnclassified() {
        assertThat(rollUp("[]")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"banner": "UNCLASSIFIED", "portionMark": "(U)"}""");
    }

    @Test
    void aMarkingThatDoesNotParseIsAProblemNamingIt() {
        assertThat(rollUp("[\"SECRET//REL TO USA, JPN\", \"secret//rel to usa\"]"))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("secret//rel to usa");
    }

    @Test
    void atMostTenThousandMarkingsAreRolledUpAtOnce() {
        String tooMany = "[" + String.join(",", Collections.nCopies(10_001, "\"UNCLASSIFIED\"")) + "]";
        assertThat(rollUp(tooMany)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("at most 10,000 markings");
    }

    @Test
    void aBodyThatIsNoListOfMarkingsIsAProblemWithoutTheParsersWords() {
        assertThat(rollUp("{\"banner\": \"SECRET\"}")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("The request body could not be read: it is not in the form this endpoint takes.");
    }
}
