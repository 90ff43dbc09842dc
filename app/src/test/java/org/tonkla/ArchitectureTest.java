package org.tonkla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The house rules of STYLE.md that a compiler does not check. */
class ArchitectureTest {

    private static JavaClasses tonkla;

    @BeforeAll
    static void importClasses() {
        tonkla = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tonkla");
    }

    @Test
    void controllersLiveInWebPackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..")
                .check(tonkla);
    }

    @Test
    void onlyConstructorInjection() {
        noFields().should().beAnnotatedWith(Autowired.class)
                .because("dependencies are constructor arguments, so a class shows what it needs")
                .check(tonkla);
    }

    @Test
    void timeComesFromAnInjectedClock() {
        DescribedPredicate<JavaMethodCall> systemNow = new DescribedPredicate<>("now() without a Clock") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTarget().getOwner().getPackageName().equals("java.time")
                        && call.getTarget().getName().equals("now")
                        && call.getTarget().getRawParameterTypes().isEmpty();
            }
        };
        noClasses().should().callMethodWhere(systemNow)
                .because("tests fix time through the Clock bean; LocalDate.now() would read the machine's clock")
                .check(tonkla);
    }

    @Test
    void coreStaysFreeOfFrameworks() {
        noClasses().that().resideInAPackage("org.tonkla.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(tonkla);
    }

    /** STYLE.md habit 13: a class past ~300 lines is asking to be split; past 350 the build says so. */
    @Test
    void classesStaySmall() throws java.io.IOException {
        var root = java.nio.file.Path.of("src/main/java");
        try (var files = java.nio.file.Files.walk(root)) {
            var large = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try (var lines = java.nio.file.Files.lines(f)) {
                            return lines.count() >= 350;
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(root::relativize).map(Object::toString).sorted().toList();
            org.assertj.core.api.Assertions.assertThat(large).as("classes of 350 lines or more").isEmpty();
        }
    }
}
