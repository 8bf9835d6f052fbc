package org.kizuna.cli;

import java.util.Map;

import org.kizuna.federation.bench.FederationBench;
import org.kizuna.node.NodeDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench federation}: the federation module's {@link FederationBench}, two nodes federated over loopback. */
@Command(name = "federation", description = "Federation: items per second through the guard and across the link, latency, and the time to drain a backlog after a partition (USA and JPN nodes on loopback).")
final class FederationBenchCommand extends Verb {

    @Option(names = "--backlog", defaultValue = "100000", description = "Items published while the peer is down (default: ${DEFAULT-VALUE}).") int backlog;
    @Option(names = "--items", defaultValue = "20000", description = "Items published with both nodes up, for throughput and latency (default: ${DEFAULT-VALUE}).") int items;
    @Option(names = "--publishers", defaultValue = "4", description = "Threads publishing items (default: ${DEFAULT-VALUE}).") int publishers;
    @Mixin ScratchDataOption data;

    @Override
    public Integer call() throws Exception {
        if (backlog < 1 || backlog > 10_000_000) throw refuse("--backlog must be 1 to 10000000");
        if (items < 1 || items > 10_000_000) throw refuse("--items must be 1 to 10000000");
        if (publishers < 1 || publishers > 64) throw refuse("--publishers must be 1 to 64");
        try (ScratchDataOption.Workspace workspace = data.open("kizuna-bench-federation")) {
            FederationBench.Launcher launcher = (nation, dir, properties, listeners) -> {
                NodeLaunch launch = new NodeLaunch(nation, dir, false, false, 0, DatabaseOptions.Jdbc.embedded(NodeDatabase.h2Url(dir)))
                        .with("kizuna.https-port", 0).with("kizuna.cot.tcp-port", 0).with("kizuna.cot.tls-port", 0)
                        .with("kizuna.federation.reconnect", "1s").with("logging.level.org.kizuna.federation", "warn");
                for (Map.Entry<String, Object> e : properties.entrySet()) launch.with(e.getKey(), e.getValue());
                return launch.run(app -> app.addListeners(listeners.toArray(org.springframework.context.ApplicationListener[]::new)));
            };
            print(new FederationBench(new FederationBench.Settings(backlog, items, publishers), launcher).run(workspace.dir()).json());
            return 0;
        }
    }
}
