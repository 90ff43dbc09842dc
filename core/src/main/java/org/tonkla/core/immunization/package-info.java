/**
 * The Thai national immunization (EPI) schedule as data, and which doses a child has had, is
 * due for, is overdue for, or will need next.
 *
 * <p>The schedule lives in {@code thai-epi-schedule.csv} beside these classes, each row marked
 * verified, partly verified or unverified; see its PROVENANCE.md. Dates are passed in; nothing
 * reads the clock.
 */
package org.tonkla.core.immunization;
