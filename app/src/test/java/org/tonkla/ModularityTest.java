package org.tonkla;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a module reaches into another's internals or modules form a cycle. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        // org.tonkla.core is the framework-free rules library (its own Maven module) that every module
        // may use, not an application module; Modulith would otherwise see it as one because of its package.
        ApplicationModules.of(TonklaApplication.class, resideInAPackage("org.tonkla.core..")).verify();
    }
}
