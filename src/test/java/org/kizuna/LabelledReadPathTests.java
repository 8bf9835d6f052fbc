package org.kizuna;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a module could hand out labelled items without the label module deciding:
 * every module API that returns labelled items asks for whom ({@code Reader}), every implementation of
 * such an API goes through the one read path, and web controllers never query the database directly.
 */
class LabelledReadPathTests {

    static final String LABELLED = "org.kizuna.label.Labelled";
    static final String READER = "org.kizuna.label.Reader";
    static final Set<String> READ_PATH = Set.of("org.kizuna.label.ReadPath");

    static final JavaClasses kizuna = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kizuna");

    static boolean mentionsLabelled(JavaType type) {
        JavaClass raw = type.toErasure();
        if (raw.isAssignableTo(LABELLED) && !raw.getName().equals(LABELLED)) {
            return true;
        }
        if (type instanceof JavaParameterizedType p) {
            return p.getActualTypeArguments().stream().anyMatch(LabelledReadPathTests::mentionsLabelled);
        }
        return false;
    }

    static final DescribedPredicate<JavaMethod> returnsLabelledItems = DescribedPredicate.describe(
            "return labelled items", m -> mentionsLabelled(m.getReturnType()));

    static final DescribedPredicate<JavaMethod> publicModuleApi = DescribedPredicate.describe(
            "are public methods of a module's API", m -> {
                JavaClass owner = m.getOwner();
                String pkg = owner.getPackageName();
                boolean modulePackage = pkg.startsWith("org.kizuna.") && pkg.chars().filter(c -> c == '.').count() == 2;
                return modulePackage && owner.getModifiers().contains(JavaModifier.PUBLIC)
                        && m.getModifiers().contains(JavaModifier.PUBLIC)
                        && !m.getModifiers().contains(JavaModifier.STATIC)
                        && !owner.isRecord() && !owner.getName().startsWith("org.kizuna.label.");
            });

    @Test
    void moduleApisThatReturnLabelledItemsAskForWhom() {
        readerRule().check(kizuna);
    }

    @Test
    void implementationsOfSuchApisGoThroughTheReadPath() {
        checkReadPath(kizuna);
    }

    @Test
    void theRulesCatchAModuleThatHandsOutLabelledItemsWithoutDeciding() {
        JavaClasses leaky = new ClassFileImporter().importPackages("org.kizuna.leakyfixture", "org.kizuna.label");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readerRule().check(leaky))
                .hasMessageContaining("Reports.all()").hasMessageContaining("does not take a Reader");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkReadPath(leaky))
                .hasMessageContaining("AllReports").hasMessageContaining("never calls");
    }

    static ArchRule readerRule() {
        return methods().that(publicModuleApi).and(returnsLabelledItems)
                .should(new ArchCondition<>("take the Reader the items are decided for") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        // a KizunaUser carries its Reader (user.reader()): writes take the user, whose roles they are authorized for
                        boolean hasReader = m.getRawParameterTypes().stream()
                                .anyMatch(t -> t.getName().equals(READER) || t.getName().equals("org.kizuna.identity.KizunaUser"));
                        events.add(new SimpleConditionEvent(m, hasReader, m.getFullName() + (hasReader ? " takes" : " does not take") + " a Reader"));
                    }
                })
                .allowEmptyShould(true);
    }

    static void checkReadPath(JavaClasses classes) {
        List<JavaClass> implementations = classes.stream()
                .filter(c -> !c.isInterface() && c.getPackageName().contains(".internal"))
                .filter(c -> Stream.concat(c.getAllRawInterfaces().stream(), c.getAllRawSuperclasses().stream())
                        .anyMatch(api -> api.getMethods().stream().anyMatch(m -> publicModuleApi.test(m) && returnsLabelledItems.test(m))))
                .toList();
        for (JavaClass impl : implementations) {
            boolean usesReadPath = impl.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> READ_PATH.contains(d.getTargetClass().getName()));
            if (!usesReadPath) {
                throw new AssertionError(impl.getName() + " implements a module API that returns labelled items but never calls "
                        + READ_PATH + ": every labelled read must be decided by the label module");
            }
        }
    }

    @Test
    void webControllersNeverQueryTheDatabaseThemselves() {
        ArchRule rule = noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .orShould().dependOnClassesThat().areAnnotatedWith("org.springframework.stereotype.Repository")
                .because("controllers read through module APIs, which decide every labelled item for the reader");
        rule.check(kizuna);
    }
}
