package org.kizuna.authority.internal;

import org.kizuna.authority.LegalFacts;
import org.kizuna.console.ConsolePage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The authority module's wiring: its legal reference data (read and checked once at start) and its console page. */
@Configuration
class AuthorityConfiguration {

    @Bean
    LegalFacts legalFacts() {
        return AuthorityReference.load();
    }

    @Bean
    ConsolePage authorityPage() {
        return new ConsolePage("/authority/", "Authority", 56);
    }
}
