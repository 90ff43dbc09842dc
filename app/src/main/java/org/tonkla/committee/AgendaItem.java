package org.tonkla.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One item of a meeting's agenda, as the reader may see it: a case is de-identified (age, what is open at which
 * agencies, why it was proposed) unless {@code named} is present, which it is only for members while the agenda
 * is published.
 *
 * @param proposed Tonkla's suggestion, not yet accepted by the secretary (not on the agenda)
 * @param reasons {@code OVERDUE}, {@code MULTI_AGENCY}, {@code PROTECTION} (a {@link CaseSource}) for proposed cases; empty for cases added otherwise
 * @param followed the task a follow-up item follows
 * @param decisions tasks decided on this item
 * @param plan the child's care plan with this committee, when named and there is one
 */
public record AgendaItem(UUID id, int position, Kind kind, boolean proposed, List<String> reasons,
        List<String> needTypes, List<String> agencies, int overdue, Integer ageMonths, String title,
        CommitteeTask followed, String minutes, Named named, List<CommitteeTask> decisions, CarePlan plan) {

    public enum Kind {
        CASE, FOLLOW_UP, OTHER;

        public String messageKey() {
            return "committee.item." + name();
        }
    }

    /** The child of a case, read through the registry's kernel for the purpose {@code protection}. */
    public record Named(UUID childId, String fullName, LocalDate birthDate) {}

    public boolean aboutChild() {
        return kind == Kind.CASE || (followed != null && followed.aboutChild());
    }
}
