package org.tonkla.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Cases another module brings to a district committee's agenda (the protection concerns of the district for the
 * child-protection subcommittee): the committee module cannot depend on those modules, so they implement this and
 * {@link Agendas} asks each one when it proposes. What a source returns stays de-identified until the agenda is
 * published, like every proposal.
 */
public interface CaseSource {

    /**
     * One case to propose: {@code reason} is shown on the agenda ({@code committee.reason.<reason>});
     * {@code birthDate} may be null when the source does not know it (the case then shows no age).
     */
    record ProposedCase(UUID childId, String provinceCode, LocalDate birthDate, String reason, List<String> agencies) {}

    /** Whether this source proposes cases to committees of that kind. */
    boolean proposesTo(Committee.Kind kind);

    /** The cases of the district (four-digit code) for a meeting held on {@code heldOn}. */
    List<ProposedCase> casesFor(String districtCode, LocalDate heldOn);
}
