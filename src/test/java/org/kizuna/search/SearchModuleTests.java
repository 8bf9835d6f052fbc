package org.kizuna.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.search.Searchable.Part;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.OfferedQueries;
import org.kizuna.testing.Readers;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The search module with the modules it uses, on a real H2 database: the index is built at start from the
 * {@link SearchSource}s of the node (here a test source of plans), records published in a transaction are found
 * once it commits and forgotten once removed, and every search is one audited query naming only what it returned.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@ModuleOnH2
@Import({OfferedQueries.class, SearchModuleTests.Plans.class})
class SearchModuleTests {

    static final Label REL = Label.parse("SECRET//REL TO USA, JPN");
    static final Label NOFORN = Label.parse("SECRET//NOFORN");

    /** A module's records as its source answers them when the node starts. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Plans {
        @Bean
        SearchSource plans() {
            return new SearchSource() {
                @Override
                public String kind() {
                    return "plan";
                }

                @Override
                public Stream<Searchable> all() {
                    return Stream.of(new Searchable("plan", "PL-1", "/plans/#PL-1", Instant.parse("2026-02-01T00:00:00Z"),
                            List.of(new Part("title", Label.UNCLASSIFIED, "横田基地の共同使用計画"),
                                    new Part("section-1", REL, "横田で日米の輸送機が共同訓練を行う。"))));
                }
            };
        }
    }

    final Search search;
    final OfferedQueries audit;

    SearchModuleTests(Search search, OfferedQueries audit) {
        this.search = search;
        this.audit = audit;
    }

    @BeforeEach
    void indexBuilt() {
        await().atMost(Duration.ofSeconds(30)).ignoreException(SearchNotReadyException.class)
                .until(() -> search.search(Readers.jpn(), "ready", Set.of(), 0, 1) != null);
    }

    SearchPage find(String q, Reader reader) {
        return search.search(reader, q, Set.of(), 0, 20);
    }

    @Test
    void theIndexIsBuiltAtStartFromTheSources() {
        SearchPage p = find("共同訓練", Readers.jpn());
        assertThat(p.total()).isEqualTo(1);
        SearchPage.Hit hit = p.hits().getFirst();
        assertThat(hit.kind()).isEqualTo("plan");
        assertThat(hit.title()).isEqualTo("横田基地の共同使用計画");
        assertThat(hit.link()).isEqualTo("/plans/#PL-1");
        assertThat(hit.parts()).containsExactly("section-1");
        assertThat(hit.snippets().getFirst()).isEqualTo("横田で日米の輸送機が<mark>共同訓練</mark>を行う。");
    }

    @Test
    void aRecordPublishedInATransactionIsFoundAndOnceRemovedIsGone(Scenario scenario) {
        Searchable report = new Searchable("report", "IR-M1", "/intel/#IR-M1", Instant.parse("2026-03-01T00:00:00Z"),
                List.of(new Part("title", REL, "Ospreys at Futenma"), new Part("portion-1", NOFORN, "Ospreys grounded after a mishap.")));
        scenario.publish(new SearchableChanged(report)).andWaitForStateChange(() -> find("osprey", Readers.usa()).total(), t -> t == 1)
                .andVerify(t -> {
                    assertThat(find("mishap", Readers.usa()).total()).isEqualTo(1);
                    assertThat(find("mishap", Readers.jpn()).total()).isZero();
                    SearchPage jpn = find("osprey", Readers.jpn());
                    assertThat(jpn.total()).isEqualTo(1);
                    assertThat(jpn.hits().getFirst().parts()).containsExactly("title");
                    assertThat(jpn.hits().getFirst().snippets()).noneMatch(s -> s.contains("mishap"));
                });
        scenario.publish(new SearchableRemoved("report", "IR-M1")).andWaitForStateChange(() -> find("osprey", Readers.usa()).total(), t -> t == 0)
                .andVerify(t -> assertThat(find("futenma", Readers.usa()).hits()).isEmpty());
    }

    @Test
    void everySearchIsOneAuditedQueryNamingOnlyWhatItReturned(Scenario scenario) {
        Searchable report = new Searchable("report", "IR-M2", "/intel/#IR-M2", Instant.parse("2026-03-02T00:00:00Z"),
                List.of(new Part("title", NOFORN, "Kestrel plan"), new Part("portion-1", REL, "Kestrel range day"),
                        new Part("portion-2", NOFORN, "Kestrel source")));
        scenario.publish(new SearchableChanged(report)).andWaitForStateChange(() -> find("kestrel", Readers.usa()).total(), t -> t == 1)
                .andVerify(t -> assertThat(t).isEqualTo(1));
        int before = audit.offered.size();
        SearchPage jpn = find("kestrel", Readers.jpn());
        assertThat(audit.offered).hasSize(before + 1);
        ReadPath.ReadQuery q = audit.offered.getLast();
        assertThat(q.asked()).isEqualTo("search?q=kestrel&page=0&size=20");
        assertThat(q.given()).containsExactly("report/IR-M2#portion-1");
        assertThat(q.outcome()).isEqualTo("returned 1");
        assertThat(jpn.hits().getFirst().title()).isNull();

        find("nothing-matches-this", Readers.jpn());
        assertThat(audit.offered).hasSize(before + 2);
        assertThat(audit.offered.getLast().outcome()).isEqualTo("nothing readable");
        SearchPage usa = find("kestrel", Readers.usa());
        assertThat(audit.offered).hasSize(before + 3);
        assertThat(audit.offered.getLast().given()).containsExactly("report/IR-M2#title", "report/IR-M2#portion-1", "report/IR-M2#portion-2");
        assertThat(usa.hits().getFirst().title()).isEqualTo("Kestrel plan");
    }
}
