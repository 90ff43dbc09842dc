/**
 * Children, guardians, households and enrolments: one record per child, found by national ID,
 * G-code or Thai name keys, followed from unit to unit. {@link org.tonkla.registry.ChildAccess} is the
 * authorization kernel every module's reads and writes of a child's data go through (the rule, the
 * loading, the access log); the use cases are {@link org.tonkla.registry.Registration},
 * {@link org.tonkla.registry.JoinRequests}, {@link org.tonkla.registry.Transfers},
 * {@link org.tonkla.registry.ChildSearch}, {@link org.tonkla.registry.Guardians} and
 * {@link org.tonkla.registry.ChildCorrections}. It publishes {@link org.tonkla.registry.ChildTransferred}
 * and {@link org.tonkla.registry.ChildDateOfBirthCorrected}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry",
        allowedDependencies = {"platform", "identity", "directory", "consent"})
package org.tonkla.registry;
