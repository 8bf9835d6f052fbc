package org.kizuna.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDatabase;
import org.kizuna.picture.bench.AbuseBench;
import org.springframework.boot.Banner;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna bench abuse}: starts a whole node in this JVM (USA, demo mode, simulator on, a fresh
 * data directory, random loopback ports) and runs the picture module's {@link AbuseBench} against it:
 * legitimate clients beside it, a quiet phase for the baseline, then the abuse. Progress lines go to
 * stderr every {@code --sample-seconds}; the report, one JSON object, to stdout. The node is stopped and
 * its temporary directory deleted at the end.
 */
@Command(name = "abuse", description = "Runs a node in this JVM under hostile and careless load beside legitimate clients; prints one JSON object.")
final class AbuseBenchCommand extends Verb {

    private static final String NATION = "USA";

    @Option(names = "--minutes", description = "Minutes of abuse (default: 10).")
    @Nullable Integer minutes;
    @Option(names = "--seconds", description = "Seconds of abuse, instead of --minutes.")
    @Nullable Integer seconds;
    @Option(names = "--quiet-seconds", defaultValue = "60", description = "Seconds of the quiet baseline before the abuse (default: ${DEFAULT-VALUE}).") int quietSeconds;
    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Seconds after the clients connect before the baseline starts (default: ${DEFAULT-VALUE}).") int warmupSeconds;
    @Option(names = "--sample-seconds", defaultValue = "10", description = "Seconds between heap and connection samples (default: ${DEFAULT-VALUE}).") int sampleSeconds;
    @Option(names = "--legit-senders", defaultValue = "4", description = "Legitimate TLS CoT clients sending their position at 1 Hz (default: ${DEFAULT-VALUE}).") int legitSenders;
    @Mixin LoadOptions load;
    @Mixin ScratchDataOption data;

    /** How much of each kind of abuse. */
    static final class LoadOptions {

        @Option(names = "--idle-cot", defaultValue = "1200", description = "Idle plain CoT connections: a quarter read and never send, the rest do neither (default: ${DEFAULT-VALUE}).") int idleCot;
        @Option(names = "--half-open-tls", defaultValue = "200", description = "TLS CoT connections that never finish the handshake (default: ${DEFAULT-VALUE}).") int halfOpenTls;
        @Option(names = "--idle-http", defaultValue = "200", description = "HTTP connections that send nothing or a header every 10 s (default: ${DEFAULT-VALUE}).") int idleHttp;
        @Option(names = "--flood-rate", defaultValue = "1000", description = "Valid CoT events per second, XML and TAK protocol (default: ${DEFAULT-VALUE}).") double floodRate;
        @Option(names = "--malformed-rate", defaultValue = "500", description = "Malformed CoT frames per second, XML and TAK protocol (default: ${DEFAULT-VALUE}).") double malformedRate;
        @Option(names = "--far-time-rate", defaultValue = "20", description = "Events ten years ahead or behind per second, each a new uid (default: ${DEFAULT-VALUE}).") double farTimeRate;
        @Option(names = "--churn-rate", defaultValue = "50", description = "Events per second each with a label never seen before (default: ${DEFAULT-VALUE}).") double churnRate;
        @Option(names = "--body-rate", defaultValue = "1", description = "Deeply nested or oversized HTTP bodies per second (default: ${DEFAULT-VALUE}).") double bodyRate;
        @Option(names = "--body-mb", defaultValue = "16", description = "Size of an oversized body in MB (default: ${DEFAULT-VALUE}).") int bodyMb;
        @Option(names = "--login-rate", defaultValue = "4", description = "Wrong-password logins per second, HTTP Basic and form (default: ${DEFAULT-VALUE}).") double loginRate;

        /** Whether no count or rate is negative and the body size is 1 to 1024 MB. */
        boolean valid() {
            boolean negative = idleCot < 0 || halfOpenTls < 0 || idleHttp < 0 || floodRate < 0 || malformedRate < 0 || farTimeRate < 0
                    || churnRate < 0 || bodyRate < 0 || loginRate < 0;
            return !negative && bodyMb >= 1 && bodyMb <= 1024;
        }

        AbuseBench.Load load() {
            return new AbuseBench.Load(idleCot, halfOpenTls, idleHttp, floodRate, malformedRate, farTimeRate, churnRate, bodyRate, bodyMb, loginRate);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (minutes != null && seconds != null) throw refuse("give --minutes or --seconds, not both");
        int abuseSeconds = seconds != null ? seconds : (minutes != null ? minutes : 10) * 60;
        if (abuseSeconds < 1 || quietSeconds < 1 || warmupSeconds < 0 || sampleSeconds < 1 || legitSenders < 1) {
            throw refuse("the abuse, quiet and sample times and --legit-senders must be at least 1; --warmup-seconds not negative");
        }
        if (!load.valid()) throw refuse("connection counts and rates must not be negative; --body-mb must be 1 to 1024");
        AbuseBench bench = new AbuseBench(new AbuseBench.Settings(NATION, warmupSeconds, quietSeconds, abuseSeconds, sampleSeconds, legitSenders,
                load.load()));
        try (ScratchDataOption.Workspace workspace = data.open("kizuna-abuse")) {
            err().println("abuse: starting a node (" + NATION + ", demo, simulator on) in this JVM with its data in " + workspace.dir());
            err().flush();
            try (ConfigurableApplicationContext node = startNode(workspace.dir())) {
                return print(bench.run(node, err()));
            }
        }
    }

    private static ConfigurableApplicationContext startNode(Path dir) {
        return new NodeLaunch(NATION, dir, false, true, 0, DatabaseOptions.Jdbc.embedded(NodeDatabase.h2Url(dir)))
                .with("server.address", "127.0.0.1")
                .with("kizuna.cot.tcp-port", 0)
                .with("kizuna.cot.tls-port", 0)
                .with("server.tomcat.basedir", dir.resolve("tomcat").toString())
                // thousands of refused connections and events would drown the figures in log lines
                .with("logging.level.root", "ERROR")
                .with("logging.level.org.kizuna", "ERROR")
                .run(app -> app.setBannerMode(Banner.Mode.OFF));
    }
}
