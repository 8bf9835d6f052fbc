package org.kizuna.picture.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.KizunaApplication;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeDatabase;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.testing.Readers;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Choosing where the picture's streams run is configuration only: two processes of one node, the same application with
 * {@code kizuna.picture.bus.kind=kafka}, one a {@code replica} and one a {@code worker}, on a real KRaft broker. A unit's
 * report taken by the replica comes back through the worker, decided for each reader on the replica; each process stops
 * within seconds.
 */
class PictureClusterNodeTests {

    static @TempDir Path dir;
    @RegisterExtension static final TestBus.Broker KAFKA = new TestBus.Broker();

    static ConfigurableApplicationContext node(Path data, String role) {
        String[] args = {"--spring.datasource.url=" + NodeDatabase.h2Url(data), "--spring.datasource.username=sa", "--kizuna.data-dir=" + data,
                "--kizuna.mode=demo", "--server.port=0", "--kizuna.cot.tcp-port=-1", "--kizuna.cot.tls-port=0", "--kizuna.picture.bus.kind=kafka",
                "--kizuna.picture.bus.role=" + role, "--kizuna.picture.bus.bootstrap-servers=" + KAFKA.get().bootstrapServers(),
                "--kizuna.picture.bus.topics=nodetest", "--kizuna.picture.bus.partitions=4"};
        return new SpringApplication(KizunaApplication.class).run(args);
    }

    static CotEvent unit(String uid, long now, @Nullable String caveat) {
        return new CotEvent(uid, "a-f-G-U-C", "m-g", now, now, now + 60_000, 35.0, 139.0, 10, 8, 10, "SECRET", caveat,
                caveat == null ? "REL TO USA, JPN" : null,
                0, 0, uid, null, null);
    }

    @Test
    void aReplicaAndAWorkerOfOneNodeServeThePictureTogetherAndStopWithinSeconds() throws Exception {
        ConfigurableApplicationContext worker = node(dir.resolve("worker"), "worker");
        ConfigurableApplicationContext replica = node(dir.resolve("replica"), "replica");
        try {
            LivePicture picture = replica.getBean(LivePicture.class);
            Reader usa = Readers.usa(), jpn = Readers.jpn();
            try (AutoCloseable a = picture.subscribe(usa, f -> {}); AutoCloseable b = picture.subscribe(jpn, f -> {})) {
                Source usaUnits = new Source("usa-units", "USA", null);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    long now = System.currentTimeMillis();
                    picture.ingest(unit("MARINE-1", now, null), usaUnits);
                    picture.ingest(unit("MARINE-2", now, "NOFORN"), usaUnits);
                    return picture.tracks(usa).size() == 2 && picture.tracks(jpn).size() == 1;
                });
                assertThat(picture.tracks(jpn)).extracting(TrackView::id).containsExactly("MARINE-1");
                assertThat(worker.getBean(LivePicture.class).tracks(usa)).as("the worker took the events the replica was sent")
                        .extracting(TrackView::id).containsExactlyInAnyOrder("MARINE-1", "MARINE-2");
            }
        } finally {
            long[] took = new long[2];
            int i = 0;
            for (ConfigurableApplicationContext c : Arrays.asList(replica, worker)) {
                long start = System.nanoTime();
                c.close();
                took[i++] = (System.nanoTime() - start) / 1_000_000;
            }
            assertThat(Arrays.stream(took).max().orElseThrow()).as("each process stops within seconds (ms)").isLessThan(10_000);
        }
    }
}
