package org.kizuna.tak.internal;

import java.io.IOException;
import java.time.Clock;
import org.kizuna.console.ConsolePage;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.node.Revocations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Wires the TAK module: the console's TAK page, enrollment tokens, and the security of {@code /Marti}: stateless,
 * never a redirect to the login page, 401 problem+json without a caller; every call but enrollment needs a client
 * certificate (a password is good for enrollment only, as on a TAK server's enrollment port).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakSettings.class)
class TakConfiguration {

    @Bean
    ConsolePage takPage() {
        return new ConsolePage("/tak/", "TAK", 25);
    }

    @Bean
    EnrollmentTokens enrollmentTokens(Clock clock, TakSettings settings) {
        return new EnrollmentTokens(clock, settings.enrollmentTokenTtl());
    }

    /** The caller of a {@code /Marti} request: by certificate or token ({@link TakCaller}), else the password login's user. */
    @Bean
    TakCallers takCallers(CurrentUser current) {
        return () -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof TakCaller caller) return java.util.Optional.of(caller.user());
            return current.get();
        };
    }

    @Bean
    @Order(0)
    SecurityFilterChain marti(HttpSecurity http, UserDirectory users, Revocations revocations, EnrollmentTokens tokens) throws Exception {
        http.securityMatcher("/Marti/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new TakAuthentication(users, revocations, tokens), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> TakAuthentication.unauthorized(req, res,
                        "a client certificate of this node's CA, or for enrollment a user name and password, is needed")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> TakAuthentication.unauthorized(req, res,
                                "a client certificate of this node's CA, or for enrollment a user name and password, is needed"))
                        .accessDeniedHandler((req, res, ex) -> forbidden(res)))
                .authorizeHttpRequests(a -> a
                        // what a certificate request names (O, OU): asked before the client has credentials to present
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/Marti/api/tls/config").permitAll()
                        .requestMatchers("/Marti/api/tls/**").authenticated()
                        .anyRequest().hasAuthority(TakAuthentication.CERTIFICATE));
        return http.build();
    }

    private static void forbidden(jakarta.servlet.http.HttpServletResponse res) throws IOException {
        res.setStatus(403);
        res.setContentType("application/problem+json");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"this call needs a client certificate of this node's CA; a password is good for certificate enrollment only\"}");
    }

    /** Resolves the user of the current TAK call. */
    @FunctionalInterface
    interface TakCallers {
        /** The caller, if the call has one (every call but {@code tls/config} must). */
        java.util.Optional<KizunaUser> find();

        default KizunaUser current() {
            return find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated TAK call"));
        }
    }
}
