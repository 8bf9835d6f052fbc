package org.kizuna.label.internal;

import java.time.Clock;

import org.kizuna.label.LabelKernel;
import org.kizuna.label.Policy;
import org.kizuna.node.NodeSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the node's {@link LabelKernel}: the shipped tables, on a node of {@code kizuna.nation}
 * accredited to {@code kizuna.label.accredited-level} (default: the highest level of that nation's policy), with
 * tetragraph membership following the UTC day of the node's {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LabelSettings.class)
class LabelConfiguration {

    @Bean
    LabelKernel labelKernel(NodeSettings node, LabelSettings settings, Clock clock) {
        String nation = node.nation();
        Policy policy = Policy.ofNation(nation).orElseThrow(() -> new IllegalStateException(
                "kizuna.nation=" + nation + " has no classification policy; a node needs one of " + Policy.all()));
        return LabelKernel.standard(clock).forNode(nation, settings.accreditedLevelOr(policy.levels().getLast().englishName()));
    }
}
