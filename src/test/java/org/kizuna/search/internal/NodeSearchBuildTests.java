package org.kizuna.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReadPath;
import org.kizuna.node.NodeSettings;
import org.kizuna.search.SearchNotReadyException;
import org.kizuna.search.SearchSource;
import org.kizuna.search.Searchable;
import org.kizuna.testing.Readers;
import org.kizuna.testing.TempDirs;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The index is built in the background when the node starts: until the build is complete the search answers
 * {@link SearchNotReadyException}, never a partial page; a node that stops during the build stops within a second.
 */
class NodeSearchBuildTests {

    static Searchable plan(String id, String text) {
        return new Searchable("plan", id, "/plans/#" + id, Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new Searchable.Part("section-1", Label.UNCLASSIFIED, text)));
    }

    /** A source whose second record comes only when {@code gate} opens (a slow database). */
    static SearchSource slow(CountDownLatch gate) {
        return new SearchSource() {
            @Override
            public String kind() {
                return "plan";
            }

            @Override
            public Stream<Searchable> all() {
                return Stream.concat(Stream.of(plan("PL-1", "Yokota airlift")), Stream.generate(() -> {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    return plan("PL-2", "Misawa airlift");
                }).limit(1));
            }
        };
    }

    static NodeSearch node(SearchSource source, Path dir) throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("plans", source);
        return new NodeSearch(new ReadPath(LabelKernel.standard(), "USA", List.of()), beans.getBeanProvider(SearchSource.class),
                new SearchSettings(false, 16, 100, 1000, 2), new NodeSettings("USA", NodeSettings.Mode.DEMO, dir), changesTable(),
                tools.jackson.databind.json.JsonMapper.builder().build());
    }

    /** A database of its own with the table of the changes replicas share (none here: one node). */
    static org.springframework.jdbc.core.simple.JdbcClient changesTable() throws Exception {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:search-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", ""));
        try (var in = NodeSearchBuildTests.class.getResourceAsStream("/db/migration/V115__search_changes.sql")) {
            String sql = new String(java.util.Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) jdbc.sql(statement).update();
            }
        }
        return jdbc;
    }

    @Test
    void untilTheBuildIsCompleteTheSearchIsNotReadyThenFindsEverything() throws Exception {
        Path dir = Files.createTempDirectory("kizuna-search-build");
        CountDownLatch gate = new CountDownLatch(1);
        NodeSearch search = node(slow(gate), dir);
        try {
            search.start();
            assertThatThrownBy(() -> search.search(Readers.jpn(), "airlift", Set.of(), 0, 20)).isInstanceOf(SearchNotReadyException.class)
                    .hasMessage(SearchNotReadyException.MESSAGE);
            assertThat(Files.isDirectory(dir.resolve("search-index"))).isTrue();
            gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(search::ready);
            assertThat(search.search(Readers.jpn(), "airlift", Set.of(), 0, 20).total()).isEqualTo(2);
            assertThatThrownBy(() -> search.search(Readers.jpn(), "", Set.of(), 0, 20)).hasMessage(QueryText.LENGTH);
        } finally {
            search.close();
            TempDirs.delete(dir);
        }
    }

    @Test
    void aNodeThatStopsDuringTheBuildStopsWithinASecond() throws Exception {
        Path dir = Files.createTempDirectory("kizuna-search-build");
        NodeSearch search = node(slow(new CountDownLatch(1)), dir);
        search.start();
        long t0 = System.nanoTime();
        search.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
        assertThat(search.isRunning()).isFalse();
        assertThat(search.ready()).isFalse();
        TempDirs.delete(dir);
    }
}
