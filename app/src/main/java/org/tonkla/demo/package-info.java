/**
 * Demo data for a first look and for the browser tests: a few service units in Khon Kaen and
 * Chiang Mai, one account per role (password {@code tonkla-demo}), a demo class and a small synthetic
 * population; and {@code ./tonkla generate}, the synthetic data for pilots and benchmarks. Loaded once, on
 * the first start, through the other modules' public APIs; off with {@code TONKLA_DEMO=false}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"platform", "identity", "directory", "registry", "recordbook", "assessment", "consent", "referral", "committee", "field", "protection", "indicators"})
package org.tonkla.demo;
