package org.kizuna.picture.internal.cluster;

import org.kizuna.node.NodeSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the picture's streams run: in this process (the default), or on Apache Kafka (docs/scaling.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusSettings.class)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "kizuna.picture.bus.kind", havingValue = "kafka")
    PictureCluster pictureCluster(BusSettings settings, NodeSettings node) {
        return new PictureCluster(settings, node.nation());
    }
}
