/**
 * Child protection (issue 17 §2, §3): a protection risk screening whose items, weights and thresholds are data
 * (national default, a province may set its own), and the protection concern a HIGH result opens under the Child
 * Protection Act B.E. 2546: routed to the provincial social development office and the district child-protection
 * subcommittee, seen only by them (and by the reporter, status only), every view in the access log and withheld
 * from the family until the protection worker releases it ({@link org.tonkla.consent.FamilyLogExceptions}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Child protection",
        allowedDependencies = {"platform", "identity", "directory", "consent", "registry", "committee", "recordbook", "referral"})
package org.tonkla.protection;
