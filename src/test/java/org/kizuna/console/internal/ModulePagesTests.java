package org.kizuna.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.kizuna.console.ConsolePage;
import org.kizuna.node.Messages;
import org.kizuna.testing.ControllerSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every console page is the shared head, written once, followed by the page's own file: its title and assets,
 * then its body; a page the modules do not declare is not composed.
 */
@ControllerSlice(ModulePages.class)
@Import(ModulePagesTests.Pages.class)
class ModulePagesTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Pages {
        @Bean
        Messages messageSource() {
            return Messages.load();
        }

        @Bean
        ConsolePage home() {
            return new ConsolePage("/", "Home", 0);
        }

        @Bean
        ConsolePage booking() {
            return new ConsolePage("/booking/", "Bookings", 30);
        }

        @Bean
        ConsolePage elsewhere() {
            return new ConsolePage("/nofile/", "No page file", 90);
        }
    }

    @Autowired MockMvc mvc;

    String html(String path) throws Exception {
        var r = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("text/html");
        return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aModulePageIsTheSharedHeadThenItsOwnHeadLinesAndBody() throws Exception {
        String page = html("/booking/");
        assertThat(page).startsWith("<!doctype html>\n<html lang=\"en\">").containsOnlyOnce("<meta charset=\"utf-8\">")
                .containsOnlyOnce("window.KIZUNA_I18N = {");
        assertThat(page).containsOnlyOnce("<title>Bookings · Kizuna</title>").containsOnlyOnce("href=\"/console/kizuna.css\"")
                .containsOnlyOnce("<script src=\"/console/shell.js\"></script>").contains("href=\"booking.css\"");
        assertThat(page.indexOf("href=\"booking.css\"")).isLessThan(page.indexOf("</head>"));
        assertThat(page.indexOf("</head>")).isLessThan(page.indexOf("<body>"));
        assertThat(page).contains("Shared facility bookings").endsWith("</html>\n");
    }

    @Test
    void theHomePageIsComposedTheSameWay() throws Exception {
        assertThat(html("/")).startsWith("<!doctype html>\n<html lang=\"en\">").contains("<h1>Alliance coordination</h1>");
    }

    @Test
    void aJapaneseReaderGetsThePageInJapaneseWithItsScriptsMessages() throws Exception {
        String page = mvc.perform(get("/").header("Accept-Language", "ja-JP,ja;q=0.9")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!doctype html>\n<html lang=\"ja\">").contains("<h1>同盟調整</h1>")
                .contains("\"console.header.logout\":\"サインアウト\"").doesNotContain("#{");
    }

    @Test
    void aDeclaredPageWithoutAPageFileIsItsStaticIndex() throws Exception {
        mvc.perform(get("/nofile/")).andExpect(forwardedUrl("/nofile/index.html"));
    }
}
