package org.kizuna.plans.internal;

import org.kizuna.console.ConsolePage;
import org.kizuna.search.SearchSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plans page in the console, and the plans as a source of the node's search. */
@Configuration(proxyBeanMethods = false)
class PlansConfiguration {

    @Bean
    ConsolePage plansPage() {
        return new ConsolePage("/plans/", "Plans", 50);
    }

    @Bean
    SearchSource planSearchSource(PlanService plans) {
        return SearchSource.of("plan", plans::searchables);
    }
}
