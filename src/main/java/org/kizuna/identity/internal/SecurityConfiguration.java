package org.kizuna.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint but health and the login page needs a user. The API answers 401 problem+json to an
 * unauthenticated call and accepts HTTP Basic; the console uses form login with a CSRF token cookie.
 */
@Configuration
@EnableConfigurationProperties(LoginThrottle.Settings.class)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    UserDetailsService userDetailsService(JdbcUsers users) {
        return username -> users.credentials(username)
                .map(c -> new NodeUserDetails(c.user(), c.passwordHash(), c.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottle.Settings settings, Clock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        return new LoginThrottle(settings, clock, events, new TransactionTemplate(transactions));
    }

    /**
     * The one way users authenticate (form login and HTTP Basic alike): the password check, refused without
     * a check while the user name or the client's address is locked by {@link LoginThrottle}. A locked
     * login fails with the same exception, and so the same answer, as a wrong password.
     */
    @Bean
    AuthenticationProvider throttledAuthentication(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String name = authentication.getName() == null ? "" : authentication.getName();
                String address = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                        ? d.getRemoteAddress()
                        : "unknown";
                if (throttle.locked(name, address)) {
                    throw new BadCredentialsException("Bad credentials");
                }
                try {
                    Authentication result = passwords.authenticate(authentication);
                    throttle.succeeded(name);
                    return result;
                } catch (AuthenticationException e) {
                    throttle.failed(name, address);
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }

    @Bean
    CurrentUser currentUser() {
        return () -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof NodeUserDetails details) {
                return Optional.of(details.user());
            }
            return Optional.<KizunaUser>empty();
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::problem401;
        // /v3/api-docs is the conventional address of the API description (springdoc's default): the same answer.
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                // API calls carry Basic credentials or the console's SameSite=Strict session cookie.
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/login.html", "/console/kizuna.css", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()).csrfTokenRequestHandler(plain))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class);
        return http.build();
    }

    private static void problem401(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException ex) throws IOException {
        DisabledUserFilter.writeUnauthorized(request, response);
    }

    /** Loads the deferred CSRF token so that its cookie reaches the static login page and console. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
