package org.kizuna;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The Spring application of one Kizuna node. Every direct sub-package is an application module (see
 * {@code docs/architecture.md} and the module documentation that {@code ModularityTests} writes under
 * {@code target/modulith-docs}); {@link Kizuna} is the command line that starts it.
 */
@SpringBootApplication
@Modulithic(systemName = "Kizuna")
public class KizunaApplication {
}
