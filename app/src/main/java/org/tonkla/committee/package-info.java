/**
 * District committees (issue 12 §5): the district quality-of-life committee (พชอ.) and the child-protection
 * subcommittee. Members come from each agency; the secretary prepares each meeting's agenda from what Tonkla
 * proposes (children whose referrals are overdue or span several agencies, and the open tasks of earlier
 * decisions), publishes it, records minutes, decisions as tasks for agencies, and a care plan per child.
 *
 * <p>Privacy: members see de-identified counts and case summaries; a child is named only to the members of a
 * committee while the child is on its published agenda, read through the registry's kernel
 * ({@link org.tonkla.registry.ChildAccess}) for the purpose {@code protection}, so the family sees every read.
 * Non-members learn nothing, not even that a committee exists.
 *
 * <p>API: {@link org.tonkla.committee.Committees} (committees and members), {@link org.tonkla.committee.Agendas}
 * (meetings and their agenda), {@link org.tonkla.committee.MeetingBoard} (reading a meeting),
 * {@link org.tonkla.committee.Decisions} (minutes, tasks, care plans).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Committee",
        allowedDependencies = {"platform", "identity", "directory", "consent", "registry", "referral"})
package org.tonkla.committee;
