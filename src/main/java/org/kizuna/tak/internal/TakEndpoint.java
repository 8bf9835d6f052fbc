package org.kizuna.tak.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where TAK clients reach this node: its host, CoT TLS port and HTTPS port (the REST API and enrollment). */
@Component
class TakEndpoint {

    private final TakSettings settings;
    private final Environment environment;

    TakEndpoint(TakSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    String host() {
        if (settings.host() != null && !settings.host().isBlank()) return settings.host().strip();
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    int cotTlsPort() {
        if (settings.cotPort() != null) return settings.cotPort();
        return environment.getProperty("local.cot.tls.port", Integer.class, environment.getProperty("kizuna.cot.tls-port", Integer.class, 8089));
    }

    int httpsPort() {
        return environment.getProperty("local.https.port", Integer.class, environment.getProperty("kizuna.https-port", Integer.class, 8443));
    }
}
