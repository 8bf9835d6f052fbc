package org.kizuna.node.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.time.Clock;
import java.util.Objects;
import org.kizuna.node.Messages;
import org.kizuna.node.NodePki;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Revocations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates the node's own settings ({@link NodeSettings}), gives every module the node's one
 * clock (UTC; a test replaces it with its own {@link Clock} bean), and opens the node's PKI: its CA and
 * server certificate, served by HTTPS and the CoT TLS port, and the client certificates revoked with
 * {@code ./kizuna certs revoke}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeSettings.class)
class NodeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock nodeClock() {
        return Clock.systemUTC();
    }

    /** The node's message catalogues ({@link Messages}), the one {@code MessageSource} of the node. */
    @Bean
    Messages messageSource() {
        return Messages.load();
    }

    @Bean
    NodePki nodePki(NodeSettings node) {
        return NodePki.loadOrCreate(node.dataDir().resolve("pki"), node.nation());
    }

    /**
     * The title of the node's published API description ({@code /api/v1/openapi}, generated from the controllers
     * by springdoc); it names the node's nation, since each nation's node answers for itself.
     */
    @Bean
    OpenAPI kizunaApi(NodeSettings node) {
        return new OpenAPI().info(new Info().title("Kizuna node " + node.nation())
                .description("Alliance coordination: registry, picture, booking, labels and audit of one nation's node. "
                        + "Every call is authenticated (HTTP Basic or the console's session); errors are RFC 9457 problem+json.")
                .version("v1").license(new License().name("Apache-2.0")));
    }

    /** The client certificates revoked with {@code ./kizuna certs revoke}, read again every half second by those who watch. */
    @Bean(destroyMethod = "close")
    Revocations revocations(NodePki pki) {
        return new Revocations(Objects.requireNonNull(pki.directory()));
    }
}
