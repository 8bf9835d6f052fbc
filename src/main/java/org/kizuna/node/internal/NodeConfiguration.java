package org.kizuna.node.internal;

import java.time.Clock;

import org.kizuna.node.NodeSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates the node's own settings ({@link NodeSettings}) and gives every module the node's one
 * clock (UTC), which a test replaces with its own {@link Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeSettings.class)
class NodeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock nodeClock() {
        return Clock.systemUTC();
    }
}
