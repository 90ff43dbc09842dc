package org.tonkla.assessment;

import java.time.Instant;

/** One imported catalogue version as the administrator's page lists it. */
public record CatalogueVersion(String version, String sourceName, int itemCount, boolean active, String importedBy,
        Instant importedAt, long assessments) {}
