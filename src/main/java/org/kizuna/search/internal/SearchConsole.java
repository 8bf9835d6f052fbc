package org.kizuna.search.internal;

import org.kizuna.console.ConsolePage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SearchConsole {

    @Bean
    ConsolePage searchPage() {
        return new ConsolePage("/search/", "Search", 70);
    }
}
