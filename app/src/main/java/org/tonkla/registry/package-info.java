/**
 * Children, guardians, households and enrolments: one record per child, found by national ID,
 * G-code or Thai name keys, followed from unit to unit. {@link org.tonkla.registry.ChildRegistry}
 * is the API; every read and write checks scope and writes the access log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry",
        allowedDependencies = {"platform", "identity", "directory", "consent"})
package org.tonkla.registry;
