package org.kizuna.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDirectory;
import org.kizuna.picture.cluster.LocalBroker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna cluster}: one node's picture on Apache Kafka on this machine, for trying it out: a KRaft broker in this
 * process on loopback (or the brokers given), and fusion workers and replicas, each a {@code ./kizuna start} process of its
 * own, whose output it passes on under the process's name. Ctrl-C (SIGTERM) stops the replicas and workers, then the
 * broker. docs/scaling.md shows the same deployment on several machines.
 */
@Command(name = "cluster", description = "Run one node's picture on Apache Kafka on this machine: a KRaft broker on loopback (or the brokers given), fusion workers and replicas, each a process of its own.")
final class ClusterCommand extends Verb {

    /** The most processes of either kind this verb starts on one machine. */
    static final int MOST_PROCESSES = 12;
    private static final Pattern READY = Pattern.compile("http://localhost:\\d+/");
    private static volatile boolean serving;

    @Mixin NationOption nation;
    @Mixin DatabaseOptions database;
    @Option(names = "--data", description = "Where the broker and each process keep their data: DIR/broker, DIR/worker-N, DIR/replica-N (default: ./data/cluster/<nation>).")
    @Nullable Path data;
    @Option(names = "--workers", defaultValue = "2", description = "Fusion workers, 1 to 12 (default: ${DEFAULT-VALUE}).") int workers;
    @Option(names = "--replicas", defaultValue = "1", description = "Replicas that take clients' events and serve readers, 1 to 12; more than one share the PostgreSQL database of --db-url (default: ${DEFAULT-VALUE}).") int replicas;
    @Option(names = "--port", defaultValue = "8080", description = "Plain HTTP port of the first replica on loopback; the others take the next ones (default: ${DEFAULT-VALUE}, 0: free ports).") int port;
    @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port of the first replica; the others take the next ones (default: ${DEFAULT-VALUE}, 0: free ports).") int httpsPort;
    @Option(names = "--cot-port", defaultValue = "8087", description = "Plain CoT port of the first replica, its CoT TLS port two above; each further replica's are ten above the one before (default: ${DEFAULT-VALUE}, 0: free ports).") int cotPort;
    @Option(names = "--broker-port", defaultValue = "9092", description = "Port of the broker this verb starts on loopback (default: ${DEFAULT-VALUE}, 0: a free port).") int brokerPort;
    @Option(names = "--picture-bus", paramLabel = "HOST:PORT[,...]", description = "Brokers of your own to use instead of starting one.")
    @Nullable String pictureBus;
    @Option(names = "--no-simulator", description = "Do not feed the simulated scenario into the first replica.") boolean noSimulator;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        String code = nation.code(spec);
        if (workers < 1 || workers > MOST_PROCESSES) throw refuseWith("cli.cluster.count", "--workers", MOST_PROCESSES, String.valueOf(workers));
        if (replicas < 1 || replicas > MOST_PROCESSES) throw refuseWith("cli.cluster.count", "--replicas", MOST_PROCESSES, String.valueOf(replicas));
        if (database.given() && !database.postgres()) throw refuseWith("cli.db-url", String.valueOf(database.url));
        if (replicas > 1 && !database.given()) throw refuseWith("cli.cluster.shared-database");
        int lastCot = cotPort == 0 ? 0 : cotPort + 2 + 10 * (replicas - 1);
        for (int p : new int[]{port == 0 ? 0 : port + replicas - 1, httpsPort == 0 ? 0 : httpsPort + replicas - 1, lastCot, brokerPort, port, httpsPort,
                cotPort}) {
            if (p < 0 || p > 65535) throw refuseWith("cli.cluster.port", String.valueOf(p));
        }
        Path base = (data != null ? data : Path.of("data", "cluster", code)).toAbsolutePath().normalize();
        try {
            NodeDirectory.createPrivate(base);
        } catch (IOException e) {
            throw refuseWith("cli.data-dir", base.toString(), String.valueOf(e.getMessage()));
        }
        PrintStream out = System.out;
        out.println(t("cli.cluster.starting", code, base.toString()));
        out.flush();
        Cluster cluster = new Cluster();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "cluster-stop"));
        try {
            String bus = pictureBus;
            if (bus == null) {
                cluster.broker = LocalBroker.start(base.resolve("broker"), brokerPort);
                bus = cluster.broker.bootstrapServers();
            }
            List<Launch> launches = new ArrayList<>();
            for (int i = 1; i <= replicas; i++) {
                List<String> args = new ArrayList<>(
                        List.of("--data", base.resolve("replica-" + i).toString(), "--port", String.valueOf(port == 0 ? 0 : port + i - 1),
                                "--https-port", String.valueOf(httpsPort == 0 ? 0 : httpsPort + i - 1), "--picture-bus", bus, "--picture-role", "replica"));
                if (noSimulator || i > 1) args.add("--no-simulator");
                int tcp = cotPort == 0 ? 0 : cotPort + 10 * (i - 1);
                launches.add(new Launch("replica-" + i, args, List.of("KIZUNA_COT_TCPPORT=" + tcp, "KIZUNA_COT_TLSPORT=" + (tcp == 0 ? 0 : tcp + 2))));
            }
            for (int i = 1; i <= workers; i++) {
                launches.add(new Launch("worker-" + i,
                        List.of("--data", base.resolve("worker-" + i).toString(), "--port", "0", "--picture-bus", bus, "--picture-role", "worker"), List.of()));
            }
            if (database.given()) {
                // one database: a restarting process must not hand again the event publications another is handling
                for (int i = 0; i < launches.size(); i++) {
                    Launch l = launches.get(i);
                    List<String> environment = new ArrayList<>(l.environment());
                    environment.add("SPRING_MODULITH_EVENTS_REPUBLISHOUTSTANDINGEVENTSONRESTART=false");
                    launches.set(i, new Launch(l.name(), l.args(), environment));
                }
                // the first replica makes the node's schema, demo data, keys and CA; every other process is
                // given those keys and that CA (as an operator gives each machine of a node the node's), then starts
                Launch first = launches.removeFirst();
                cluster.start(first.name(), first.args(), first.environment());
                cluster.children.getFirst().awaitReady();
                for (Launch l : launches) {
                    for (String dir : new String[]{"keys", "pki"}) copyPrivate(base.resolve(first.name()).resolve(dir), base.resolve(l.name()).resolve(dir));
                }
            }
            for (Launch l : launches) cluster.start(l.name(), l.args(), l.environment());
            for (Child c : cluster.children) c.awaitReady();
            out.println();
            out.println(t("cli.cluster.ready", code, bus));
            for (Child c : cluster.children) out.println(t("cli.cluster.process", c.name, String.valueOf(c.ready), String.valueOf(c.process.pid())));
            out.println(t("cli.cluster.stop"));
            out.flush();
        } catch (IOException | RuntimeException e) {
            cluster.stop();
            err().println("kizuna: " + t("cli.cluster.failed", String.valueOf(e.getMessage())));
            return 1;
        }
        serving = true;
        // the JVM stays while the broker or any process runs; when every replica has ended, the rest stop too
        Thread.ofPlatform().name("cluster-watch").start(() -> {
            for (Child c : cluster.children) {
                if (c.name.startsWith("replica")) c.process.onExit().join();
            }
            cluster.stop();
        });
        return 0;
    }

    /** A process to start: its name, its {@code start} options and environment. */
    private record Launch(String name, List<String> args, List<String> environment) {
    }

    /** Copies the files of {@code from} into {@code to}, made private where it does not exist; files there already stay. */
    private static void copyPrivate(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        NodeDirectory.createPrivate(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(f.getFileName());
                if (Files.isRegularFile(f) && !Files.exists(target)) {
                    NodeDirectory.writePrivate(target, Files.readAllBytes(f));
                }
            }
        }
    }

    /** The broker and the processes this verb started. */
    private final class Cluster {
        final List<Child> children = new ArrayList<>();
        volatile @Nullable LocalBroker broker;
        private boolean stopped;

        void start(String name, List<String> startArgs, List<String> environment) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Xss1m",
                    "-XX:+UseParallelGC"));
            String classPath = System.getProperty("java.class.path");
            if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, Kizuna.class.getName()));
            }
            command.addAll(List.of("start", "--nation", nation.nation));
            command.addAll(startArgs);
            if (database.url != null) command.addAll(List.of("--db-url", database.url));
            if (database.user != null) command.addAll(List.of("--db-user", database.user));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (database.password != null) builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password);
            for (String e : environment) {
                int eq = e.indexOf('=');
                builder.environment().put(e.substring(0, eq), e.substring(eq + 1));
            }
            Child child = new Child(name, builder.start());
            synchronized (this) {
                children.add(child);
            }
        }

        /** Stops the replicas, then the workers, each with SIGTERM and 15 s to end, then the broker. */
        synchronized void stop() {
            if (stopped) return;
            stopped = true;
            List<Child> order = new ArrayList<>(children);
            order.sort((a, b) -> Boolean.compare(a.name.startsWith("worker"), b.name.startsWith("worker")));
            for (Child c : order) c.process.destroy();
            for (Child c : order) {
                try {
                    if (!c.process.waitFor(15, TimeUnit.SECONDS)) c.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    c.process.destroyForcibly();
                }
            }
            LocalBroker b = broker;
            if (b != null) b.close();
        }
    }

    /** A process of the cluster: its output goes to this one's, each line after its name. */
    private final class Child {
        final String name;
        final Process process;
        final CountDownLatch readyLatch = new CountDownLatch(1);
        volatile @Nullable String ready;

        Child(String name, Process process) {
            this.name = name;
            this.process = process;
            Thread.ofPlatform().daemon().name("cluster-" + name).start(this::pass);
        }

        private void pass() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    System.out.println("[" + name + "] " + line);
                    if (ready == null) {
                        // a replica says where it listens; a worker, that it is ready, with its process id
                        Matcher m = READY.matcher(line);
                        if (name.startsWith("replica") && m.find()) ready = m.group();
                        if (name.startsWith("worker") && line.contains(String.valueOf(process.pid()))) ready = t("cli.cluster.worker");
                        if (ready != null) readyLatch.countDown();
                    }
                }
            } catch (IOException e) {
                // the process has ended
            }
            readyLatch.countDown();
        }

        void awaitReady() {
            try {
                if (!readyLatch.await(180, TimeUnit.SECONDS) || ready == null) throw new IllegalStateException(t("cli.cluster.not-ready", name));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(t("cli.cluster.not-ready", name), e);
            }
        }
    }
}
