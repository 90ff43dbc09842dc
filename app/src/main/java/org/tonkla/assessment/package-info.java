/**
 * The national ECD-center standard (มาตรฐานสถานพัฒนาเด็กปฐมวัยแห่งชาติ): catalogue versions imported
 * from spreadsheets, center profiles and staff (Part 1), the yearly self-assessment with evidence,
 * review by the affiliated agency's officer and improvement plans, and Part 2 monitoring for
 * officers. Rules (catalogue, scale, scoring, DSPM bands) come from {@code org.tonkla.core.standard}.
 *
 * <p>Reads, never writes, what other modules publish as SQL views (see
 * {@link org.tonkla.assessment.internal.RecordFacts}): the directory's {@code directory_unit_place},
 * the registry's {@code registry_unit_children_by_age}, the record book's
 * {@code recordbook_unit_growth_coverage} and {@code recordbook_unit_dspm_outcome}. Those modules are
 * therefore listed as allowed dependencies, although no Java type of theirs is used.
 *
 * <p>API: {@link org.tonkla.assessment.CenterAssessments} (the cycle's door; its use cases are
 * {@link org.tonkla.assessment.Drafts}, {@link org.tonkla.assessment.Evidence},
 * {@link org.tonkla.assessment.Submissions}, {@link org.tonkla.assessment.Reviews}, with
 * {@link org.tonkla.assessment.AssessmentCycle}, {@link org.tonkla.assessment.AssessmentAccess} and
 * {@link org.tonkla.assessment.AssessmentSheets}), {@link org.tonkla.assessment.Catalogues},
 * {@link org.tonkla.assessment.CenterProfiles}, {@link org.tonkla.assessment.Monitoring} and, for
 * synthetic data, {@link org.tonkla.assessment.BulkCenters}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
        allowedDependencies = {"platform", "identity", "directory", "registry", "recordbook", "consent"})
package org.tonkla.assessment;
