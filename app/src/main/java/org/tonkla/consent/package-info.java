/**
 * Purposes, agreements and consent, and the access log: every read or write of a child's record
 * is logged here with who, which agency and unit, why and when, so the family can see it.
 * {@link org.tonkla.consent.AccessLog} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent", allowedDependencies = {"platform", "identity"})
package org.tonkla.consent;
