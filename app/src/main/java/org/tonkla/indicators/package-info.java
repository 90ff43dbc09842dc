/**
 * Indicators for policy and budget, and open data (issue 15).
 *
 * <p>Indicator definitions are data ({@code indicators/definitions.yml}, read by
 * {@link org.tonkla.indicators.IndicatorDefinitions}). Per-child facts are computed from the read-only views
 * the registry, record book and referral modules publish ({@code registry_child_indicator_base},
 * {@code recordbook_child_*}, {@code referral_child_referral}; migration V140) and summed into cells;
 * {@link org.tonkla.indicators.IndicatorRefresh} keeps them current from a dirty-child queue that triggers on
 * those modules' tables fill. {@link org.tonkla.indicators.Indicators} serves officers' dashboards and the
 * district budget table within their scope; {@link org.tonkla.indicators.OpenData} the public tables with
 * small-cell protection (docs/open-data-suppression.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators",
        allowedDependencies = {"platform", "identity", "directory", "assessment", "registry", "recordbook", "referral"})
package org.tonkla.indicators;
