package org.kizuna.console.internal;

import org.kizuna.console.ConsolePage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ConsoleConfiguration {

    @Bean
    ConsolePage homePage() {
        return new ConsolePage("/", "Home", 0);
    }
}
