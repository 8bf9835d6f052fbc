package org.kizuna.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.ControllerSlice.SignedIn.JPN_OFFICER;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.node.Messages;
import org.kizuna.registry.Registry;
import org.kizuna.registry.SearchPage;
import org.kizuna.testing.ControllerSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The registry's read API on its own: every query answers for {@code asOf} (today when absent) and for the
 * signed-in reader; a bad date, search text or page is a 400 problem saying what a good one looks like,
 * refused before the registry is asked; an id the reader cannot find is a 404 problem naming the day.
 * (The registry is a stand-in here; what it answers is RegistryModuleTests' and RegistryApiContract's.)
 */
@ControllerSlice(RegistryController.class)
@Import(RegistryControllerTests.Catalogues.class)
class RegistryControllerTests {

    /** The node's message catalogues, as the node module gives them: problems and validation messages in the reader's language. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Catalogues {
        @Bean
        Messages messageSource() {
            return Messages.load();
        }
    }

    @Autowired MockMvcTester mvc;

    @Autowired ControllerSlice.SignedIn signedIn;

    @MockitoBean Registry registry;

    @BeforeEach
    void jpnOfficer() {
        signedIn.as(JPN_OFFICER);
    }

    @Test
    void aQueryAnswersForTheDayAskedOrTodayAndForTheSignedInReader() {
        when(registry.facilities(any(), any())).thenReturn(List.of());
        assertThat(mvc.get().uri("/api/v1/registry/facilities?asOf=2005-03-14")).hasStatusOk().bodyJson().isLenientlyEqualTo("[]");
        verify(registry).facilities(LocalDate.of(2005, 3, 14), JPN_OFFICER.reader());
        assertThat(mvc.get().uri("/api/v1/registry/facilities")).hasStatusOk();
        verify(registry).facilities(LocalDate.now(ZoneOffset.UTC), JPN_OFFICER.reader());
    }

    @Test
    void aDateThatIsNotIsoIsAProblemWithAnExample() {
        assertThat(mvc.get().uri("/api/v1/registry/organizations?asOf=14/03/2005"))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("YYYY-MM-DD").contains("'14/03/2005'");
        verifyNoInteractions(registry);
    }

    @Test
    void searchTextIsOneToAHundredCharactersAndAPageAtMostTwoHundredItems() {
        assertThat(mvc.get().uri("/api/v1/registry/search").param("q", " ")).hasStatus(400)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("q: must be 1 to 100 characters");
        assertThat(mvc.get().uri("/api/v1/registry/search?q=" + "x".repeat(101))).hasStatus(400)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("q: must be 1 to 100 characters");
        assertThat(mvc.get().uri("/api/v1/registry/search?q=camp&page=-1")).hasStatus(400)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("page: must be 0 or more");
        assertThat(mvc.get().uri("/api/v1/registry/search?q=camp&size=201")).hasStatus(400)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("size: must be between 1 and 200");
        verifyNoInteractions(registry);

        when(registry.search(anyString(), any(), anyInt(), anyInt(), any())).thenReturn(new SearchPage(List.of(), 0, 0, 200));
        assertThat(mvc.get().uri("/api/v1/registry/search").param("q", " camp ").param("size", "200").param("asOf", "2025-06-01")).hasStatusOk();
        verify(registry).search(eq("camp"), eq(LocalDate.of(2025, 6, 1)), eq(0), eq(200), eq(JPN_OFFICER.reader()));
    }

    @Test
    void anIdTheReaderCannotFindIsAProblemNamingTheDay() {
        when(registry.facility(any(), any(), any())).thenReturn(Optional.empty());
        assertThat(mvc.get().uri("/api/v1/registry/facilities/camp-nowhere?asOf=2025-06-01"))
                .hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("no facility 'camp-nowhere' as of 2025-06-01");
    }

    @Test
    void aJapaneseReaderIsToldInJapanese() {
        when(registry.organization(any(), any(), any())).thenReturn(Optional.empty());
        assertThat(mvc.get().uri("/api/v1/registry/organizations/jjoc?asOf=2005-03-14").header("Accept-Language", "ja"))
                .hasStatus(404).bodyJson().extractingPath("$.detail").asString().isEqualTo("2005-03-14時点で組織「jjoc」は見つかりません");
        assertThat(mvc.get().uri("/api/v1/registry/search").param("q", " ").header("Accept-Language", "ja"))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().isEqualTo("q: 1〜100文字で指定してください");
    }
}
