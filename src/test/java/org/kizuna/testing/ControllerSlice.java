package org.kizuna.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.NodeSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A controller on its own ({@code @WebMvcTest}) with the node's problem+json error handling: what it answers
 * to good and bad input, and which collaborator it asks. Who may call an endpoint at all is the node's
 * security configuration, proven on whole nodes (RegistryApiContract, WhoMayWriteWhatTests) and in
 * IdentityModuleTests; here the security filters are off and {@link SignedIn} says who the request runs for.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kizuna\\.identity\\.internal\\.DisabledUserFilter"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ControllerSlice.SignedIn.class, ControllerSlice.Node.class})
public @interface ControllerSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** The node's settings and its one clock, as the node module's {@code NodeConfiguration} gives them to every module. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NodeSettings.class)
    class Node {
        @Bean
        Clock nodeClock() {
            return Clock.systemUTC();
        }
    }

    /** The node's current user in a slice: the user the requests run for, a JPN officer until a test says otherwise. */
    @TestConfiguration(proxyBeanMethods = false)
    final class SignedIn implements CurrentUser {

        public static final KizunaUser JPN_OFFICER = user("jpn.officer", "JPN", "SECRET", Role.VIEWER, Role.PLANNER, Role.RELEASER);

        private volatile @Nullable KizunaUser user = JPN_OFFICER;

        /** A user of the node as the identity module would have it. */
        public static KizunaUser user(String username, String nation, String clearance, Role... roles) {
            return new KizunaUser(username, nation, clearance, Set.of(), Set.of(roles), ZoneId.of("Asia/Tokyo"));
        }

        public void as(KizunaUser someone) {
            user = someone;
        }

        @Override
        public Optional<KizunaUser> get() {
            return Optional.ofNullable(user);
        }
    }
}
