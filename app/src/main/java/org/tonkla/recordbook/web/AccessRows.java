package org.tonkla.recordbook.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.consent.AccessLog;
import org.tonkla.directory.Directory;

/** The family's access log in plain words: who, of which unit and agency, when, what and why. */
@Component
class AccessRows {

    /** One access as the family reads it; the codes stay for the filter. */
    record AccessRow(Instant occurredAt, String who, String role, UUID unitId, String unitName, String agencyCode,
            String agencyName, String action, String purpose) {}

    private final Directory directory;

    AccessRows(Directory directory) {
        this.directory = directory;
    }

    List<AccessRow> of(List<AccessLog.Entry> entries, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        var units = new java.util.HashMap<UUID, String>();
        var agencies = new java.util.HashMap<String, String>();
        return entries.stream().map(a -> new AccessRow(a.occurredAt(),
                a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName(), a.role(),
                a.unitId(), a.unitId() == null ? null : units.computeIfAbsent(a.unitId(),
                        u -> directory.serviceUnit(u).map(s -> s.name(locale)).orElse(null)),
                a.agencyCode(), a.agencyCode() == null ? null : agencies.computeIfAbsent(a.agencyCode(),
                        code -> directory.agency(code).map(ag -> english ? ag.nameEn() : ag.nameTh()).orElse(code)),
                a.action().name(), a.purpose())).toList();
    }
}
