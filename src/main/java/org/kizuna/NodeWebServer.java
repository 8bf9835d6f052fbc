package org.kizuna;

import jakarta.validation.constraints.Max;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDirectory;
import org.kizuna.node.NodePki;
import org.kizuna.node.NodeSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.validation.annotation.Validated;

/**
 * How a node listens for browsers and API clients. HTTPS with the node's server certificate (issued by
 * the node's own CA, {@code <data>/pki/ca.crt.pem}) on {@code kizuna.https-port} (8443), asking for (never requiring)
 * a client certificate of that CA, which TAK clients present to the {@code /Marti} API, on every
 * interface or {@code kizuna.https-address}; plain HTTP on {@code server.port} (8080) only on the
 * loopback interface, for the operator's own browser and scripts. A production node has no plain HTTP
 * at all unless {@code kizuna.plain-http=true}, and then still only on loopback; its HTTPS connector is
 * then the server's main one. The bound HTTPS port is published as {@code local.https.port}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeWebServer.Settings.class)
class NodeWebServer {

    /**
     * The node's listening settings (prefix {@code kizuna}); its mode comes from {@link NodeSettings}.
     *
     * @param httpsPort    the HTTPS port (0: any free port; negative: no HTTPS connector, as behind a TLS proxy on this machine)
     * @param httpsAddress the address HTTPS listens on; unset: every interface
     * @param plainHttp    whether plain HTTP is served on loopback; unset: in demo mode only
     */
    @Validated
    @ConfigurationProperties("kizuna")
    record Settings(
            @DefaultValue("8443") @Max(value = 65535, message = "must be a port number (at most 65535), 0 for any free port or negative for none") int httpsPort,
            @Nullable String httpsAddress, @Nullable Boolean plainHttp) {

        /** Whether the node serves plain HTTP (on loopback): by default in demo mode, never by default in production. */
        boolean plain(NodeSettings node) {
            return plainHttp != null ? plainHttp : !node.isProduction();
        }
    }

    static final String LOCAL_HTTPS_PORT = "local.https.port";
    static final int UNLOAD_DELAY_MS = 250;

    private final NodeSettings node;

    NodeWebServer(NodeSettings node) {
        this.node = node;
    }

    @Bean
    Connectors nodeConnectors(Settings settings, NodePki pki, ConfigurableEnvironment environment) {
        return new Connectors(settings.plain(node), settings, pki, environment);
    }

    /** The data directory and the node's files in it (database, keys, PKI) are the node's user's alone once the node runs. */
    @EventListener(ApplicationReadyEvent.class)
    void restrictDataDirectory() throws IOException {
        NodeDirectory.restrict(node.dataDir());
    }

    static final class Connectors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered,
            ApplicationListener<WebServerInitializedEvent> {

        private final boolean plain;
        private final Settings settings;
        private final NodePki pki;
        private final ConfigurableEnvironment environment;
        private @Nullable Connector https;
        private boolean httpsIsMain;

        Connectors(boolean plain, Settings settings, NodePki pki, ConfigurableEnvironment environment) {
            this.plain = plain;
            this.settings = settings;
            this.pki = pki;
            this.environment = environment;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Boot's customizers, whose connector settings the HTTPS connector copies
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // on shutdown Tomcat waits this long for requests still in progress (open event streams) after the
            // graceful phase (spring.lifecycle.timeout-per-shutdown-phase) has already waited for them
            factory.addContextCustomizers(context -> {
                if (context instanceof org.apache.catalina.core.StandardContext standard) standard.setUnloadDelay(UNLOAD_DELAY_MS);
            });
            SslBundle bundle = bundle();
            if (!plain) {
                // no plain HTTP: the main connector speaks HTTPS
                factory.setPort(settings.httpsPort());
                factory.setAddress(httpsAddress());
                factory.addConnectorCustomizers(c -> secure(c, bundle));
                httpsIsMain = true;
                return;
            }
            InetAddress plainAddress = factory.getAddress();
            if (plainAddress == null) {
                factory.setAddress(InetAddress.getLoopbackAddress());
            } else if (!plainAddress.isLoopbackAddress()) {
                throw new IllegalStateException("plain HTTP listens on the loopback interface only, not on " + plainAddress.getHostAddress()
                        + " (server.address); other machines reach the node over HTTPS on kizuna.https-port");
            }
            if (settings.httpsPort() < 0) {
                return; // HTTPS switched off, for instance behind a TLS proxy on this machine
            }
            Connector connector = new Connector(factory.getProtocol());
            connector.setPort(settings.httpsPort());
            ProtocolHandler handler = connector.getProtocolHandler();
            if (handler instanceof AbstractHttp11Protocol<?> http) {
                InetAddress address = httpsAddress();
                if (address != null) http.setAddress(address);
            }
            // the same limits, timeouts and executor as the main connector
            factory.getConnectorCustomizers().forEach(c -> c.customize(connector));
            for (TomcatProtocolHandlerCustomizer<?> c : factory.getProtocolHandlerCustomizers()) {
                customizeHandler(c, handler);
            }
            secure(connector, bundle);
            factory.addAdditionalConnectors(connector);
            https = connector;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void customizeHandler(TomcatProtocolHandlerCustomizer c, ProtocolHandler handler) {
            try {
                c.customize(handler);
            } catch (ClassCastException e) {
                // a customizer for another kind of protocol handler
            }
        }

        private static void secure(Connector connector, SslBundle bundle) {
            // a client certificate is asked for, never required: TAK clients call /Marti with one (the tak module), browsers without
            new SslConnectorCustomizer(LogFactory.getLog(NodeWebServer.class), connector, Ssl.ClientAuth.WANT).customize(bundle, Map.of());
        }

        private SslBundle bundle() {
            char[] password = "in-memory".toCharArray(); // protects only the in-memory copy of the node's server key
            return SslBundle.of(SslStoreBundle.of(pki.serverKeyStore(password), new String(password), pki.trustStore()),
                    SslBundleKey.of(new String(password), "server"));
        }

        private @Nullable InetAddress httpsAddress() {
            String a = settings.httpsAddress();
            if (a == null || a.isBlank()) return null;
            try {
                return InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("kizuna.https-address is not an address of this machine: " + a);
            }
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            int port = httpsIsMain ? event.getWebServer().getPort() : https != null ? https.getLocalPort() : -1;
            environment.getPropertySources().addFirst(new MapPropertySource("kizuna-https", Map.of(LOCAL_HTTPS_PORT, port)));
        }
    }
}
