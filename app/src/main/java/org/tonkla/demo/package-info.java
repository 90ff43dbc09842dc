/**
 * Demo data for a first look and for the browser tests: a few service units in Khon Kaen and
 * Chiang Mai and one account per role, all with the password {@code tonkla-demo}. Loaded once, on
 * the first start, through the other modules' public APIs; off with {@code TONKLA_DEMO=false}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"platform", "identity", "directory", "assessment"})
package org.tonkla.demo;
