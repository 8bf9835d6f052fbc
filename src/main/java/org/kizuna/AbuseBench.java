package org.kizuna;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDatabase;
import org.kizuna.picture.bench.AbuseHarness;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./kizuna bench abuse}: starts a whole node in this JVM (USA, demo mode, simulator on, a fresh
 * data directory, random loopback ports) and runs the picture module's {@link AbuseHarness} against it:
 * legitimate clients beside it, a quiet phase for the baseline, then the abuse. Progress lines go to
 * stderr every {@code --sample-seconds}; the report, one JSON object, to stdout. The node is stopped and
 * its temporary directory deleted at the end.
 */
@Command(name = "abuse", mixinStandardHelpOptions = true,
        description = "Runs a node in this JVM under hostile and careless load beside legitimate clients; prints one JSON object.")
final class AbuseBench implements Callable<Integer> {

    private static final String NATION = "USA";

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", description = "Minutes of abuse (default: 10).")
    @Nullable Integer minutes;

    @Option(names = "--seconds", description = "Seconds of abuse, instead of --minutes.")
    @Nullable Integer seconds;

    @Option(names = "--quiet-seconds", defaultValue = "60", description = "Seconds of the quiet baseline before the abuse (default: ${DEFAULT-VALUE}).")
    int quietSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Seconds after the clients connect before the baseline starts (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--sample-seconds", defaultValue = "10", description = "Seconds between heap and connection samples (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--legit-senders", defaultValue = "4", description = "Legitimate TLS CoT clients sending their position at 1 Hz (default: ${DEFAULT-VALUE}).")
    int legitSenders;

    @Option(names = "--idle-cot", defaultValue = "1200", description = "Idle plain CoT connections: a quarter read and never send, the rest do neither (default: ${DEFAULT-VALUE}).")
    int idleCot;

    @Option(names = "--half-open-tls", defaultValue = "200", description = "TLS CoT connections that never finish the handshake (default: ${DEFAULT-VALUE}).")
    int halfOpenTls;

    @Option(names = "--idle-http", defaultValue = "200", description = "HTTP connections that send nothing or a header every 10 s (default: ${DEFAULT-VALUE}).")
    int idleHttp;

    @Option(names = "--flood-rate", defaultValue = "1000", description = "Valid CoT events per second, XML and TAK protocol (default: ${DEFAULT-VALUE}).")
    double floodRate;

    @Option(names = "--malformed-rate", defaultValue = "500", description = "Malformed CoT frames per second, XML and TAK protocol (default: ${DEFAULT-VALUE}).")
    double malformedRate;

    @Option(names = "--far-time-rate", defaultValue = "20", description = "Events ten years ahead or behind per second, each a new uid (default: ${DEFAULT-VALUE}).")
    double farTimeRate;

    @Option(names = "--churn-rate", defaultValue = "50", description = "Events per second each with a label never seen before (default: ${DEFAULT-VALUE}).")
    double churnRate;

    @Option(names = "--body-rate", defaultValue = "1", description = "Deeply nested or oversized HTTP bodies per second (default: ${DEFAULT-VALUE}).")
    double bodyRate;

    @Option(names = "--body-mb", defaultValue = "16", description = "Size of an oversized body in MB (default: ${DEFAULT-VALUE}).")
    int bodyMb;

    @Option(names = "--login-rate", defaultValue = "4", description = "Wrong-password logins per second, HTTP Basic and form (default: ${DEFAULT-VALUE}).")
    double loginRate;

    @Option(names = "--data", description = "Data directory of the node (default: a temporary one, deleted afterwards).")
    @Nullable Path data;

    @Override
    public Integer call() throws Exception {
        if (minutes != null && seconds != null) throw new ParameterException(spec.commandLine(), "give --minutes or --seconds, not both");
        int abuseSeconds = seconds != null ? seconds : (minutes != null ? minutes : 10) * 60;
        if (abuseSeconds < 1 || quietSeconds < 1 || warmupSeconds < 0 || sampleSeconds < 1 || legitSenders < 1) {
            throw new ParameterException(spec.commandLine(), "the abuse, quiet and sample times and --legit-senders must be at least 1; --warmup-seconds not negative");
        }
        if (idleCot < 0 || halfOpenTls < 0 || idleHttp < 0 || floodRate < 0 || malformedRate < 0 || farTimeRate < 0 || churnRate < 0
                || bodyRate < 0 || loginRate < 0 || bodyMb < 1 || bodyMb > 1024) {
            throw new ParameterException(spec.commandLine(), "connection counts and rates must not be negative; --body-mb must be 1 to 1024");
        }
        AbuseHarness harness = new AbuseHarness(new AbuseHarness.Settings(NATION, warmupSeconds, quietSeconds, abuseSeconds, sampleSeconds, legitSenders,
                new AbuseHarness.Load(idleCot, halfOpenTls, idleHttp, floodRate, malformedRate, farTimeRate, churnRate, bodyRate, bodyMb, loginRate)));
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = data == null;
        Path dir = data == null ? Files.createTempDirectory("kizuna-abuse") : data.toAbsolutePath().normalize();
        err.println("abuse: starting a node (" + NATION + ", demo, simulator on) in this JVM with its data in " + dir);
        err.flush();
        ConfigurableApplicationContext node = startNode(dir);
        try {
            String report = harness.run(node, err);
            spec.commandLine().getOut().println(report);
            spec.commandLine().getOut().flush();
        } finally {
            node.close();
            if (temporary) deleteTree(dir);
        }
        return 0;
    }

    private static ConfigurableApplicationContext startNode(Path dir) {
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kizuna.nation", NATION);
        p.put("kizuna.data-dir", dir.toString());
        p.put("kizuna.mode", "demo");
        p.put("kizuna.simulator.enabled", true);
        p.put("server.port", 0);
        p.put("server.address", "127.0.0.1");
        p.put("kizuna.cot.tcp-port", 0);
        p.put("kizuna.cot.tls-port", 0);
        p.put("spring.datasource.url", NodeDatabase.h2Url(dir));
        p.put("spring.datasource.username", NodeDatabase.h2User());
        p.put("server.tomcat.basedir", dir.resolve("tomcat").toString());
        // thousands of refused connections and events would drown the figures in log lines
        p.put("logging.level.root", "ERROR");
        p.put("logging.level.org.kizuna", "ERROR");
        return app.run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Deletes the node's temporary directory; a journal still flushing while the node stops may write once more, so it tries again. */
    private static void deleteTree(Path dir) throws InterruptedException {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            if (attempt > 0) Thread.sleep(500);
            deleteOnce(dir);
        }
    }

    private static void deleteOnce(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
