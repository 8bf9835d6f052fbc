package org.kizuna.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kizuna.federation.bench.Peering;
import org.kizuna.node.Messages;
import org.kizuna.node.NodeDatabase;
import org.kizuna.node.NodeDirectory;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna demo}: a USA node and a JPN node on this machine, each with its own embedded database, keys and CA,
 * federated over mutual TLS on loopback (each approves the other's CA fingerprint in its configuration), with the
 * simulator feeding each nation's sensors into its own node.
 */
@Command(name = "demo", description = "Run a USA node and a JPN node on this machine, federated over mutual TLS (each with its own database and keys).")
final class DemoCommand extends Verb {

    private static volatile boolean serving;

    @Option(names = "--data", description = "Where the two nodes keep their data: DIR/USA and DIR/JPN (default: ./data/demo).")
    @Nullable Path data;
    @Option(names = "--port", defaultValue = "8080", description = "Plain HTTP port of the USA node on loopback; the JPN node takes the next one (default: ${DEFAULT-VALUE}).") int port;
    @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port of the USA node; the JPN node takes the next one (default: ${DEFAULT-VALUE}).") int httpsPort;
    @Option(names = "--federation-port", defaultValue = "9101", description = "Federation port of the USA node on loopback; the JPN node takes the next one (default: ${DEFAULT-VALUE}).") int federationPort;
    @Option(names = "--no-simulator", description = "Do not feed the simulated scenario into the pictures.") boolean noSimulator;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        for (int p : new int[]{port, httpsPort, federationPort}) {
            if (p < 1 || p > 65534) throw refuseWith("cli.demo.port", String.valueOf(p));
        }
        Path base = (data != null ? data : Path.of("data", "demo")).toAbsolutePath().normalize();
        Peering.Node usa = new Peering.Node("USA", base.resolve("USA"), federationPort);
        Peering.Node jpn = new Peering.Node("JPN", base.resolve("JPN"), federationPort + 1);
        try {
            NodeDirectory.createPrivate(base);
        } catch (IOException e) {
            throw refuseWith("cli.data-dir", base.toString(), String.valueOf(e.getMessage()));
        }
        System.out.println(t("cli.demo.starting", base.toString()));
        ConfigurableApplicationContext u = node(usa, jpn, port, httpsPort, null);
        ConfigurableApplicationContext j = node(jpn, usa, port + 1, httpsPort + 1, 0);
        serving = true;
        var out = System.out;
        out.println();
        out.print(banner(language(spec), List.of(
                new Listening(usa.nation(), "http://localhost:" + u.getEnvironment().getProperty("local.server.port") + "/", usa.dataDir(),
                        usa.federationPort()),
                new Listening(jpn.nation(), "http://localhost:" + j.getEnvironment().getProperty("local.server.port") + "/", jpn.dataDir(),
                        jpn.federationPort()))));
        out.flush();
        return 0;
    }

    /** Where a demo node listens and keeps its data. */
    record Listening(String nation, String url, Path data, int federationPort) {
    }

    /** The banner printed once both nodes are up, in the command line's language: where they listen, who signs in, what to try. */
    static String banner(Locale language, List<Listening> nodes) {
        Messages m = Messages.shared();
        StringBuilder b = new StringBuilder(m.text("cli.demo.banner", language)).append(System.lineSeparator());
        for (Listening n : nodes) {
            b.append(m.text("cli.demo.node", language, n.nation(), n.url(), n.data().toString(), "127.0.0.1:" + n.federationPort()))
                    .append(System.lineSeparator());
        }
        b.append(m.text("cli.demo.logins", language)).append(System.lineSeparator());
        b.append(m.text("cli.demo.try", language)).append(System.lineSeparator());
        return b.toString();
    }

    private ConfigurableApplicationContext node(Peering.Node self, Peering.Node peer, int httpPort, int https, @Nullable Integer cotPorts) {
        NodeLaunch launch = new NodeLaunch(self.nation(), self.dataDir(), false, !noSimulator, httpPort,
                DatabaseOptions.Jdbc.embedded(NodeDatabase.h2Url(self.dataDir()))).with("kizuna.https-port", https)
                .with("kizuna.cot.tcp-port", cotPorts).with("kizuna.cot.tls-port", cotPorts);
        for (Map.Entry<String, Object> e : Peering.properties(self, List.of(Peering.Peer.of(peer))).entrySet()) launch.with(e.getKey(), e.getValue());
        return launch.run(app -> {
        });
    }
}
