package org.kizuna.search.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.BackgroundThreads;
import org.kizuna.node.NodeDirectory;
import org.kizuna.node.NodeSettings;
import org.kizuna.search.Search;
import org.kizuna.search.SearchNotReadyException;
import org.kizuna.search.SearchPage;
import org.kizuna.search.SearchSource;
import org.kizuna.search.Searchable;
import org.kizuna.search.SearchableChanged;
import org.kizuna.search.SearchableRemoved;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's search. When the node starts, the index is built in the background from every {@link SearchSource}
 * (the database is the record; the index is derived and rebuilt at every start) and queries answer
 * {@link SearchNotReadyException} until it is complete; meanwhile and afterwards the modules' {@link SearchableChanged}
 * and {@link SearchableRemoved} events keep it current. A query decides every distinct label of the index for the
 * reader once, searches only the readable ones, and hands the parts it returns through the read path as one audited
 * query.
 */
@Service
@EnableConfigurationProperties(SearchSettings.class)
class NodeSearch implements Search, SmartLifecycle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NodeSearch.class);
    static final int MAX_SIZE = 100, MAX_PAGE = 999, MAX_KINDS = 8;

    private final ObjectProvider<SearchSource> sources;
    private final SearchSettings settings;
    private final SearchIndex index;
    private final ReadableSearch search;
    private final SearchChanges changes;
    private volatile boolean ready;
    private volatile boolean running;
    private @Nullable Thread builder;
    private @Nullable Thread follower;

    NodeSearch(ReadPath readPath, ObjectProvider<SearchSource> sources, SearchSettings settings, NodeSettings node, JdbcClient jdbc,
            JsonMapper json) throws IOException {
        this.sources = sources;
        this.settings = settings;
        this.changes = new SearchChanges(jdbc, json);
        Directory directory = settings.inMemory()
                ? new ByteBuffersDirectory()
                : FSDirectory.open(NodeDirectory.createPrivate(node.dataDir().resolve("search-index")));
        this.index = new SearchIndex(directory, settings.index());
        this.search = new ReadableSearch(index, readPath);
    }

    @Override
    public SearchPage search(Reader reader, String query, Set<String> kinds, int page, int size) {
        Refusals.Refusal refused = refusal(query, kinds, page, size);
        if (refused != null) throw new IllegalArgumentException(refused.text());
        if (!ready) throw new SearchNotReadyException();
        return search.search(reader, query, kinds, page, size);
    }

    /** Why these arguments are refused, naming the parameter, or null. */
    static Refusals.@Nullable Refusal refusal(@Nullable String query, Set<String> kinds, int page, int size) {
        String q = QueryText.refusal(query);
        if (q != null) {
            return q.equals(QueryText.WORDS)
                    ? new Refusals.Refusal("search.refused.words", q, String.valueOf(QueryText.MAX_WORDS))
                    : new Refusals.Refusal("search.refused.length", q, String.valueOf(QueryText.MAX_LENGTH));
        }
        if (kinds.size() > MAX_KINDS)
            return new Refusals.Refusal("search.refused.kinds", "kind: name at most " + MAX_KINDS + " kinds", String.valueOf(MAX_KINDS));
        for (String k : kinds) {
            if (!k.matches("[a-z]{1,32}"))
                return new Refusals.Refusal("search.refused.kind", "kind: a kind is a lower-case word such as report, plan or commitment");
        }
        if (page < 0 || page > MAX_PAGE) return new Refusals.Refusal("search.refused.page", "page: must be 0 to " + MAX_PAGE, String.valueOf(MAX_PAGE));
        if (size < 1 || size > MAX_SIZE) return new Refusals.Refusal("search.refused.size", "size: must be 1 to " + MAX_SIZE, String.valueOf(MAX_SIZE));
        return null;
    }

    /** Whether the index has been built since the node started. */
    boolean ready() {
        return ready;
    }

    @ApplicationModuleListener
    void on(SearchableChanged changed) {
        put(changed);
        changes.wrote(changed);
    }

    @ApplicationModuleListener
    void on(SearchableRemoved removed) {
        index.remove(removed.kind(), removed.id());
        changes.wrote(removed);
    }

    private void put(SearchableChanged changed) {
        try {
            index.put(changed.record());
        } catch (IllegalStateException e) {
            log.error("search: {}", e.getMessage());
        }
    }

    /** Takes the changes other replicas of the node indexed, every second, while the node runs. */
    private void follow() {
        while (running) {
            try {
                changes.take(this::put, r -> index.remove(r.kind(), r.id()));
            } catch (RuntimeException e) {
                log.warn("search: the other replicas' changes could not be read, trying again: {}", e.toString());
            }
            try {
                Thread.sleep(FOLLOW_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    /** Builds the index when the node starts (again, if a stop interrupted the build; a built index is kept current by the events). */
    @Override
    public void start() {
        running = true;
        Thread f = new Thread(this::follow, "search-follow");
        f.setDaemon(true);
        follower = f;
        f.start();
        if (ready) return;
        Thread t = new Thread(this::build, "search-index-build");
        t.setDaemon(true);
        builder = t;
        t.start();
    }

    private void build() {
        long t0 = System.nanoTime();
        try {
            List<SearchSource> all = sources.orderedStream().toList();
            long records = IndexBuild.run(index, all.stream().<Supplier<Stream<Searchable>>>map(s -> s::all).toList(), settings.buildThreads());
            ready = true;
            log.info("search index built: {} records from {} sources in {} ms", records, all.size(), (System.nanoTime() - t0) / 1_000_000);
        } catch (IndexBuild.Stopped e) {
            log.info("search index build stopped with the node");
        } catch (RuntimeException e) {
            if (!running || Thread.currentThread().isInterrupted()) {
                log.info("search index build stopped with the node");
            } else {
                log.error("search index build failed; search stays unavailable until the node restarts", e);
            }
        }
    }

    /** Stops a build still running (a stopped or paused context keeps its index; a build interrupted starts over on start). */
    @Override
    public void stop() {
        running = false;
        Thread f = follower;
        follower = null;
        if (f != null && f.isAlive()) BackgroundThreads.stop(f, Duration.ofMillis(500));
        Thread t = builder;
        builder = null;
        if (t != null && t.isAlive()) BackgroundThreads.stop(t, Duration.ofMillis(500));
    }

    /** Drops the index with the node (nothing is kept: it is rebuilt from the records at the next start). */
    @PreDestroy
    void close() throws IOException {
        stop();
        ready = false;
        index.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
