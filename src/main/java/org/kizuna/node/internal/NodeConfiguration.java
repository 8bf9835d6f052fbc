package org.kizuna.node.internal;

import java.time.Clock;
import java.util.Objects;

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

    @Bean
    NodePki nodePki(NodeSettings node) {
        return NodePki.loadOrCreate(node.dataDir().resolve("pki"), node.nation());
    }

    /** The client certificates revoked with {@code ./kizuna certs revoke}, read again every half second by those who watch. */
    @Bean(destroyMethod = "close")
    Revocations revocations(NodePki pki) {
        return new Revocations(Objects.requireNonNull(pki.directory()));
    }
}
