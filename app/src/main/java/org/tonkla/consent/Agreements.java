package org.tonkla.consent;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rule of the MOU, asked by the authorization kernel on every read of a child's data: the data of a
 * child served by the user's own agency (the agency, or one below it, of a unit where the child is
 * enrolled or registered) needs no agreement; any other agency needs an active agreement, valid today,
 * covering the child's area, to which both it and the agency holding the data are parties, for the
 * declared purpose and each category read. Purposes listed in {@code tonkla.consent.purposes-needing-consent}
 * (default: research) also need the guardian's consent in force. Read at query time, so an agreement that
 * expires or a consent withdrawn takes effect on the next read.
 */
@Component
public class Agreements {

    private final JdbcClient jdbc;
    private final Consents consents;
    private final Set<Purpose> needConsent;

    Agreements(JdbcClient jdbc, Consents consents,
            @Value("${tonkla.consent.purposes-needing-consent:RESEARCH}") List<Purpose> needConsent) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.needConsent = needConsent.isEmpty() ? EnumSet.noneOf(Purpose.class) : EnumSet.copyOf(needConsent);
    }

    /**
     * What {@code userAgencies} (the user's agency and those above it, nearest first) may see of a child.
     *
     * @param holderAgencies for each unit where the child is now, that unit's agency and those above it
     * @param childArea the DOPA code where the child is served or lives (6 digits), for area-bound agreements
     */
    public Release release(List<String> userAgencies, List<List<String>> holderAgencies, String childArea, UUID childId,
            Purpose purpose, LocalDate today) {
        if (needConsent.contains(purpose) && !consents.inForce(childId, purpose)) {
            return new Release(Set.of(), "no consent of the family in force for " + purpose);
        }
        if (userAgencies.isEmpty()) return new Release(Set.of(), "the user belongs to no agency");
        String own = userAgencies.getFirst();
        if (holderAgencies.stream().anyMatch(lineage -> lineage.contains(own))) return Release.all();
        Set<String> holders = new LinkedHashSet<>();
        holderAgencies.forEach(holders::addAll);
        if (holders.isEmpty()) return new Release(Set.of(), "no agency serves this child now");
        List<DataCategory> categories = new ArrayList<>();
        // The agreements that apply first, then their categories: joined the other way round, the two party checks
        // ran once per category and purpose row (16 index probes per read of a record, issue 15 §4).
        jdbc.sql("""
                SELECT DISTINCT c.category FROM agreement_category c WHERE c.agreement_id IN (
                  SELECT a.id FROM agreement a
                   WHERE a.status = 'ACTIVE' AND a.release_level = 'NAMED'
                     AND a.valid_from <= :today AND (a.valid_to IS NULL OR a.valid_to >= :today)
                     AND (a.area_code IS NULL OR :area LIKE a.area_code || '%')
                     AND EXISTS (SELECT 1 FROM agreement_purpose p WHERE p.agreement_id = a.id AND p.purpose = :purpose)
                     AND EXISTS (SELECT 1 FROM agreement_party x WHERE x.agreement_id = a.id AND x.agency_code IN (:users))
                     AND EXISTS (SELECT 1 FROM agreement_party y WHERE y.agreement_id = a.id AND y.agency_code IN (:holders)))""")
                .param("purpose", purpose.name()).param("today", Date.valueOf(today))
                .param("area", childArea == null ? "" : childArea).param("users", userAgencies)
                .param("holders", List.copyOf(holders))
                .query((rs, i) -> categories.add(DataCategory.valueOf(rs.getString(1)))).list();
        EnumSet<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
        permitted.addAll(categories);
        String missing = permitted.size() == DataCategory.values().length ? null
                : "no active agreement between " + own + " and " + String.join("/", holders) + " covering "
                        + EnumSet.complementOf(permitted) + " for " + purpose;
        return new Release(permitted, missing);
    }
}
