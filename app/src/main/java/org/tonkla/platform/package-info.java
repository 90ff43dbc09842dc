/**
 * What every module uses: the database (embedded or external PostgreSQL), the clock, messages in
 * Thai and English, Buddhist-era dates on screen, the audit trail, the web layout and error pages.
 * Its root package is the API: {@link org.tonkla.platform.AuditTrail}, {@link org.tonkla.platform.ThaiDates}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.tonkla.platform;
