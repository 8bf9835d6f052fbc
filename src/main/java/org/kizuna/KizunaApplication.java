package org.kizuna;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The Spring application of one Kizuna node. Every direct sub-package is an application module
 * (see {@code docs/modules}); {@link Kizuna} is the command line that starts it.
 */
@SpringBootApplication
@Modulithic(systemName = "Kizuna")
public class KizunaApplication {
}
