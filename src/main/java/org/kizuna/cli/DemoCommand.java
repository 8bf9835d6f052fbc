package org.kizuna.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kizuna.federation.bench.Peering;
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
        System.out.println("Starting the USA node, then the JPN node (data under " + base + ") ...");
        ConfigurableApplicationContext u = node(usa, jpn, port, httpsPort, null);
        ConfigurableApplicationContext j = node(jpn, usa, port + 1, httpsPort + 1, 0);
        serving = true;
        var out = System.out;
        out.println();
        out.println("Kizuna demo: two nations' nodes, each with its own database, users and keys, federated over mutual TLS on this machine");
        out.println(
                "  USA node: http://localhost:" + u.getEnvironment().getProperty("local.server.port") + "/   (data " + usa.dataDir() + ", federation 127.0.0.1:"
                        + usa.federationPort() + ")");
        out.println(
                "  JPN node: http://localhost:" + j.getEnvironment().getProperty("local.server.port") + "/   (data " + jpn.dataDir() + ", federation 127.0.0.1:"
                        + jpn.federationPort() + ")");
        out.println("Logins on either node (password 'demo'): usa.officer, jpn.officer (SECRET, planner and releaser), usa.clerk (CONFIDENTIAL),");
        out.println("usa.admin (administrator: the Federation page shows the links' health); the README lists the others.");
        out.println("Write a report on the USA node's Intelligence page with a portion marked (S//REL TO USA, JPN) and one marked (S//NF):");
        out.println("it appears on the JPN node within seconds, without the NOFORN portion. Stop both nodes with Ctrl-C.");
        out.flush();
        return 0;
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
