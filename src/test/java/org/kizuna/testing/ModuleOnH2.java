package org.kizuna.testing;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.test.context.ContextConfiguration;

/**
 * For an {@code @ApplicationModuleTest}: the module (and the modules it uses) on a real in-memory H2
 * database with the node's migrations, in demo mode, with a data directory of its own, as {@link H2Node}
 * gives a whole node. The node's shell in the root package {@code org.kizuna} (its HTTPS connectors, error
 * pages and request limits) is left out: a module test has no web server, and the shell needs the
 * picture's certificates.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = {H2Node.Initializer.class, ModuleOnH2.NodeShellLeftOut.class})
public @interface ModuleOnH2 {

    /**
     * Leaves out the beans declared by classes of the root package {@code org.kizuna}. Registered before the
     * context scans for components (an {@code @ApplicationModuleTest}'s own exclude filter keeps the root package).
     */
    final class NodeShellLeftOut extends TypeExcludeFilter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton(NodeShellLeftOut.class.getName(), new NodeShellLeftOut());
        }

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String name = reader.getClassMetadata().getClassName();
            return name.startsWith("org.kizuna.") && name.lastIndexOf('.') == "org.kizuna".length();
        }

        /** Spring Boot requires exclude filters to be comparable (the test context cache keys on them). */
        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
