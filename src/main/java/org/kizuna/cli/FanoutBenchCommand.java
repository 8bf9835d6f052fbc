package org.kizuna.cli;

import org.kizuna.picture.bench.FanoutBench;
import org.kizuna.picture.bench.IdleClientsBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench fanout}: the picture's {@link FanoutBench} to many CoT and browser clients over loopback. */
@Command(name = "fanout", description = "Fan-out of the live picture to many CoT and browser clients with different readers; prints one JSON object.")
final class FanoutBenchCommand extends Verb {

    @Option(names = "--tracks", defaultValue = "2000", description = "Tracks (default: ${DEFAULT-VALUE}).") int tracks;
    @Option(names = "--rate", defaultValue = "1", description = "Updates per track per second (default: ${DEFAULT-VALUE}).") double rate;
    @Option(names = "--feeders", defaultValue = "8", description = "Feeder connections sending the tracks (default: ${DEFAULT-VALUE}).") int feeders;
    @Option(names = "--cot-clients", defaultValue = "150", description = "CoT client connections (default: ${DEFAULT-VALUE}).") int cotClients;
    @Option(names = "--protocol", defaultValue = "tak", description = "Client protocol: xml or tak (default: ${DEFAULT-VALUE}).") String protocol;
    @Option(names = "--details", description = "Feeders send the detail elements an ATAK client sends (team, contact, version, status, GPS source, remarks), relayed to every client.") boolean details;
    @Option(names = "--tls", description = "CoT clients connect over mutual TLS 1.3 with certificates naming their readers.") boolean tls;
    @Option(names = "--browser-clients", defaultValue = "50", description = "Browser (SSE) subscribers (default: ${DEFAULT-VALUE}).") int browserClients;
    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds (default: ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--duration", defaultValue = "20", description = "Measured seconds (default: ${DEFAULT-VALUE}).") int duration;
    @Option(names = "--idle-clients", defaultValue = "0", description = "Instead of the fan-out: this many mutual-TLS clients that only ping, in a process of their own; prints the node's CPU (default: off).") int idleClients;
    @Option(names = "--ping-seconds", defaultValue = "5", description = "With --idle-clients: seconds between one client's pings (default: ${DEFAULT-VALUE}).") int pingSeconds;

    @Override
    public Integer call() throws Exception {
        if (tracks < 1 || rate <= 0 || cotClients < 0 || browserClients < 0 || feeders < 1 || duration < 1 || warmup < 0) {
            throw refuse("--tracks, --rate, --feeders and --duration must be positive; clients and warm-up not negative");
        }
        boolean tak = switch (protocol) {
            case "tak" -> true;
            case "xml" -> false;
            default -> throw refuse("--protocol must be xml or tak; got '" + protocol + "'");
        };
        if (idleClients > 0) {
            if (idleClients > 20_000 || pingSeconds < 1 || pingSeconds > 3600) throw refuse("--idle-clients must be 1-20000 and --ping-seconds 1-3600");
            return print(new IdleClientsBench(new IdleClientsBench.Settings(idleClients, pingSeconds, tak, warmup, duration)).run());
        }
        return print(new FanoutBench(new FanoutBench.Settings(tracks, rate, cotClients, browserClients, feeders, tak, tls, warmup, duration, details)).run());
    }
}
