package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only null-marked code, and {@code @NullMarked} on a package does not reach its
 * subpackages: every package of the main code needs its own package-info.java with {@code @NullMarked}.
 */
class NullMarkedPackagesTests {

    @Test
    void everyMainPackageIsNullMarked() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kizuna");
        Set<String> packages = new TreeSet<>();
        Set<String> unmarked = new TreeSet<>();
        for (JavaClass c : main) {
            packages.add(c.getPackageName());
            if (!c.getPackage().isAnnotatedWith(NullMarked.class)) unmarked.add(c.getPackageName());
        }
        assertThat(packages).contains("org.kizuna", "org.kizuna.picture.internal.tracking");
        assertThat(unmarked).as("packages without @NullMarked in their package-info.java").isEmpty();
    }
}
