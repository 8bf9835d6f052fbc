package org.kizuna.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDatabase;
import org.kizuna.node.NodeDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna start}: runs one node for one nation until it is stopped. */
@Command(name = "start", description = "Run one node for a nation. Without --db-url it keeps its data in an embedded H2 file database under --data.")
final class StartCommand extends Verb {

    private static volatile boolean serving;

    @Mixin NationOption nation;
    @Mixin NodeDataOption data;
    @Mixin DatabaseOptions database;
    @Option(names = "--port", defaultValue = "8080", description = "Plain HTTP port of the console and API, on this machine's loopback interface only; not served with --production (default: ${DEFAULT-VALUE}, 0 picks a free port).") int port;
    @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port of the console and API on every interface, with the node's certificate (default: ${DEFAULT-VALUE}, 0 picks a free port).") int httpsPort;
    @Option(names = "--production", description = "Production mode: no demo users or demo data; refuses to start with a user whose password is known.") boolean production;
    @Option(names = "--no-simulator", description = "Do not feed the simulated demo scenario into the picture.") boolean noSimulator;
    @Option(names = "--cot-plain", negatable = true, description = "Serve the plain CoT port 8087 (default: on, off with --production).")
    @Nullable Boolean cotPlain;
    @Option(names = "--cot-plain-bind", paramLabel = "ADDRESS", description = "Address the plain CoT port listens on (default: 127.0.0.1).")
    @Nullable String cotPlainBind;
    @Option(names = "--picture-bus", paramLabel = "HOST:PORT[,...]", description = "Run the picture on Apache Kafka, on these brokers, as one process of a node (docs/scaling.md); without it, the picture runs in this process.")
    @Nullable String pictureBus;
    @Option(names = "--picture-role", defaultValue = "replica", paramLabel = "ROLE", description = "With --picture-bus: replica (takes clients' events and serves readers) or worker (fuses its share of the regions; no client ports) (default: ${DEFAULT-VALUE}).") String pictureRole = "replica";
    @Option(names = "--cot-plain-reader", paramLabel = "USER", description = "A user of the node whose clearance plain CoT connections read with (default: anonymous, UNCLASSIFIED only).")
    @Nullable String cotPlainReader;

    /** Whether a node was started and serves: the launcher's main thread must then not end the JVM. */
    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        String code = nation.code(spec);
        checkPort("--port", port);
        checkPort("--https-port", httpsPort);
        if (!pictureRole.equals("replica") && !pictureRole.equals("worker")) throw refuseWith("cli.start.picture-role", pictureRole);
        if (pictureBus != null && !pictureBus.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}(,[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5})*")) {
            throw refuseWith("cli.start.picture-bus", pictureBus);
        }
        if (database.given() && !database.postgres()) {
            throw refuseWith("cli.db-url", String.valueOf(database.url));
        }
        Path dir = data.dir(code);
        try {
            NodeDirectory.createPrivate(dir);
        } catch (IOException e) {
            throw refuseWith("cli.data-dir", dir.toString(), String.valueOf(e.getMessage()));
        }
        launch(dir).run(app -> {
            if (production) app.setAdditionalProfiles("production");
            app.addListeners((ApplicationReadyEvent ready) -> announce(ready.getApplicationContext()));
        });
        serving = true;
        return 0;
    }

    /** The node's settings for the data directory {@code dir}. */
    Map<String, Object> properties(Path dir) {
        return launch(dir).properties();
    }

    private NodeLaunch launch(Path dir) {
        boolean worker = pictureBus != null && pictureRole.equals("worker");
        NodeLaunch launch = new NodeLaunch(nation.nation, dir, production, !noSimulator && !production && !worker, port,
                database.jdbc(NodeDatabase.h2Url(dir))).with("kizuna.https-port", httpsPort)
                .with("kizuna.cot.plain-enabled", cotPlain)
                .with("kizuna.cot.tcp-bind-address", cotPlainBind)
                .with("kizuna.cot.plain-reader", cotPlainReader);
        if (pictureBus != null) {
            launch.with("kizuna.picture.bus.kind", "kafka").with("kizuna.picture.bus.bootstrap-servers", pictureBus)
                    .with("kizuna.picture.bus.role", pictureRole);
        }
        if (worker) {
            // a fusion worker serves no client: no HTTPS, no CoT; its plain HTTP port stays on loopback for its health
            launch.with("kizuna.https-port", -1).with("kizuna.cot.tcp-port", -1).with("kizuna.cot.tls-port", -1);
        }
        return launch;
    }

    private void checkPort(String option, int value) {
        if (value < 0 || value > 65535) throw refuseWith("cli.start.port", option, String.valueOf(value));
    }

    private void announce(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String https = "https://" + hostName() + ":" + env.getProperty("local.https.port", String.valueOf(httpsPort)) + "/";
        String ca = env.getProperty("kizuna.data-dir", ".") + "/pki/ca.crt.pem";
        var out = System.out;
        out.println();
        String name = nation.nation.toUpperCase(Locale.ROOT);
        if (pictureBus != null && pictureRole.equals("worker")) {
            out.println(t("cli.start.ready-worker", name, String.valueOf(pictureBus), String.valueOf(ProcessHandle.current().pid())));
            out.flush();
            return;
        }
        if (production) {
            out.println(t("cli.start.ready", name, https));
        } else {
            String plain = "http://localhost:" + env.getProperty("local.server.port", String.valueOf(port)) + "/";
            out.println(t("cli.start.ready-plain", name, plain));
            out.println(t("cli.start.ready-https", https));
        }
        out.println(t("cli.start.ca", ca));
        if (!production) {
            out.println(t("cli.start.demo-logins"));
        }
        out.flush();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
