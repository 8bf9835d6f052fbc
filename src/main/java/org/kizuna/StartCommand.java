package org.kizuna;

import java.nio.file.Path;

import org.kizuna.node.NodeDatabase;
import org.kizuna.node.NodeDirectory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./kizuna start}: runs one node for one nation until it is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run one node for a nation. Without --db-url it keeps its data in an embedded H2 file database under --data.")
final class StartCommand implements Callable<Integer> {

    private static final Pattern NATION = Pattern.compile("[A-Z]{3}");
    private static volatile boolean serving;

    @Spec
    CommandSpec spec;

    @Option(names = "--nation", defaultValue = "USA", description = "ISO 3166 alpha-3 code of the node's nation (default: ${DEFAULT-VALUE}).")
    String nation;

    @Option(names = "--port", defaultValue = "8080", description = "Plain HTTP port of the console and API, on this machine's loopback interface only; not served with --production (default: ${DEFAULT-VALUE}, 0 picks a free port).")
    int port;

    @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port of the console and API on every interface, with the node's certificate (default: ${DEFAULT-VALUE}, 0 picks a free port).")
    int httpsPort;

    @Option(names = "--data", description = "Data directory (default: ./data/<nation>).")
    @Nullable Path data;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database; without it the embedded H2 database is used.")
    @Nullable String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    @Nullable String dbUser;

    @Option(names = "--db-password", description = "Database password.")
    @Nullable String dbPassword;

    @Option(names = "--production", description = "Production mode: no demo users or demo data; refuses to start with a user whose password is known.")
    boolean production;

    @Option(names = "--no-simulator", description = "Do not feed the simulated demo scenario into the picture.")
    boolean noSimulator;

    @Option(names = "--cot-plain", negatable = true, description = "Serve the plain CoT port 8087 (default: on, off with --production).")
    @Nullable Boolean cotPlain;

    @Option(names = "--cot-plain-bind", paramLabel = "ADDRESS", description = "Address the plain CoT port listens on (default: 127.0.0.1).")
    @Nullable String cotPlainBind;

    @Option(names = "--cot-plain-reader", paramLabel = "USER", description = "A user of the node whose clearance plain CoT connections read with (default: anonymous, UNCLASSIFIED only).")
    @Nullable String cotPlainReader;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        if (!NATION.matcher(nation).matches()) {
            throw new ParameterException(spec.commandLine(), "--nation must be an ISO 3166 alpha-3 code in capitals, such as USA or JPN; got '" + nation + "'");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535; got " + port);
        }
        if (httpsPort < 0 || httpsPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--https-port must be between 0 and 65535; got " + httpsPort);
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(spec.commandLine(), "--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database); got '" + dbUrl + "'");
        }
        Path dir = (data != null ? data : Path.of("data", nation)).toAbsolutePath().normalize();
        try {
            NodeDirectory.createPrivate(dir);
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot create the data directory " + dir + ": " + e.getMessage());
        }
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        // Passed as command-line properties so that they override application.yaml.
        String[] args = properties(dir).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        if (production) {
            app.setAdditionalProfiles("production");
        }
        app.addListeners((ApplicationReadyEvent ready) -> announce(ready.getApplicationContext()));
        app.run(args);
        serving = true;
        return 0;
    }

    Map<String, Object> properties(Path dir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kizuna.nation", nation);
        p.put("kizuna.data-dir", dir.toString());
        p.put("kizuna.mode", production ? "production" : "demo");
        p.put("kizuna.simulator.enabled", !noSimulator && !production);
        p.put("server.port", port);
        if (cotPlain != null) p.put("kizuna.cot.plain-enabled", cotPlain);
        if (cotPlainBind != null) p.put("kizuna.cot.tcp-bind-address", cotPlainBind);
        if (cotPlainReader != null) p.put("kizuna.cot.plain-reader", cotPlainReader);
        p.put("kizuna.https-port", httpsPort);
        if (dbUrl != null) {
            p.put("spring.datasource.url", dbUrl);
            p.put("spring.datasource.username", dbUser != null ? dbUser : "");
            if (dbPassword != null) p.put("spring.datasource.password", dbPassword);
        } else {
            p.put("spring.datasource.url", NodeDatabase.h2Url(dir));
            p.put("spring.datasource.username", NodeDatabase.h2User());
        }
        return p;
    }

    private void announce(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String https = "https://" + hostName() + ":" + env.getProperty("local.https.port", String.valueOf(httpsPort)) + "/";
        String ca = env.getProperty("kizuna.data-dir", ".") + "/pki/ca.crt.pem";
        var out = System.out;
        out.println();
        if (production) {
            out.println("Kizuna node " + nation.toUpperCase(Locale.ROOT) + " is ready at " + https);
        } else {
            String plain = "http://localhost:" + env.getProperty("local.server.port", String.valueOf(port)) + "/";
            out.println("Kizuna node " + nation.toUpperCase(Locale.ROOT) + " is ready at " + plain + " (plain HTTP, this machine only)");
            out.println("and at " + https + " (HTTPS, from other machines)");
        }
        out.println("The node's HTTPS certificate is issued by its own CA: " + ca);
        if (!production) {
            out.println("Demo logins (password 'demo'): usa.officer, jpn.officer, aus.officer (SECRET, planner and releaser), usa.clerk (CONFIDENTIAL, viewer), usa.auditor (auditor); the README lists the others");
        }
        out.flush();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
