/**
 * Referrals between service units of any agencies (issue 12): a need found by one unit reaches the unit that
 * must act, and the one who found it learns the outcome. The lifecycle (created → received → accepted,
 * declined or redirected → in service → completed with a coded outcome, or closed) is compare-and-set on
 * every step; deadlines per need type escalate to the receiving agency's supervisors of the district; each
 * unit has its work queues and in-app notifications (links only, never a child's data).
 *
 * <p>A child's data is read only through the registry's kernel ({@link org.tonkla.registry.ChildAccess}, via
 * {@link org.tonkla.recordbook.RecordBook}) with the purpose {@code referral}, and only the categories the
 * need type names are shown (minimum necessary). Every step is in the family's access log.
 *
 * <p>API: {@link org.tonkla.referral.Referrals} (create, read, queues), {@link org.tonkla.referral.ReferralSteps}
 * (the transitions), {@link org.tonkla.referral.Escalations} and {@link org.tonkla.referral.NeedTypes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral",
        allowedDependencies = {"platform", "identity", "directory", "consent", "registry", "recordbook"})
package org.tonkla.referral;
