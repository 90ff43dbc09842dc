package org.tonkla.protection.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonkla.committee.CaseSource;
import org.tonkla.committee.Committee;

/**
 * Issue 17: the district child-protection subcommittee reviews the protection concerns of its district; each open
 * concern is proposed on its next agenda (reason {@code PROTECTION}), the office it was routed to named as the
 * agency. The quality-of-life committee never sees them: a concern is for those who work on it.
 */
@Component
class ConcernCases implements CaseSource {

    /** The agency of the provincial social development office the concern is routed to. */
    static final String OFFICE_AGENCY = "OPS-MSDHS";

    private final ConcernRows rows;
    ConcernCases(ConcernRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean proposesTo(Committee.Kind kind) {
        return kind == Committee.Kind.CHILD_PROTECTION;
    }

    /** The concerns open now (what opens later is proposed when the secretary proposes again). */
    @Override
    public List<ProposedCase> casesFor(String districtCode, LocalDate heldOn) {
        return rows.openIn(districtCode).stream()
                .map(c -> new ProposedCase(c.childId(), c.provinceCode(), c.birthDate(), "PROTECTION",
                        List.of(OFFICE_AGENCY)))
                .toList();
    }
}
