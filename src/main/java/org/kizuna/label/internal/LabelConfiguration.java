package org.kizuna.label.internal;

import org.kizuna.label.LabelKernel;
import org.kizuna.label.Policy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the node's {@link LabelKernel}: the shipped tables, on a node of {@code kizuna.nation}
 * accredited to {@code kizuna.label.accredited-level} (default: the highest level of that nation's policy).
 */
@Configuration(proxyBeanMethods = false)
class LabelConfiguration {

    @Bean
    LabelKernel labelKernel(@Value("${kizuna.nation:USA}") String nation,
                            @Value("${kizuna.label.accredited-level:}") String accreditedLevel) {
        Policy policy = Policy.ofNation(nation).orElseThrow(() -> new IllegalStateException(
                "kizuna.nation=" + nation + " has no classification policy; a node needs one of " + Policy.all()));
        String level = accreditedLevel.isEmpty() ? policy.levels().getLast().englishName() : accreditedLevel;
        return LabelKernel.standard().forNode(nation, level);
    }
}
