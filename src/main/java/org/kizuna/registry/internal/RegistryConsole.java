package org.kizuna.registry.internal;

import org.kizuna.console.ConsolePage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RegistryConsole {

    @Bean
    ConsolePage registryPage() {
        return new ConsolePage("/registry/", "Registry", 10);
    }
}
