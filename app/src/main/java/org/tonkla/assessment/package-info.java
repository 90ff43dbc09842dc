/**
 * The national ECD-center standard (มาตรฐานสถานพัฒนาเด็กปฐมวัยแห่งชาติ): catalogue versions imported
 * from spreadsheets, center profiles and staff (Part 1), the yearly self-assessment with evidence,
 * review by the affiliated agency's officer and improvement plans, and Part 2 monitoring for
 * officers. Rules (catalogue, scale, scoring, DSPM bands) come from {@code org.tonkla.core.standard};
 * items about children are computed from views the registry and record book publish.
 *
 * <p>API: {@link org.tonkla.assessment.Catalogues}, {@link org.tonkla.assessment.CenterAssessments},
 * {@link org.tonkla.assessment.CenterProfiles}, {@link org.tonkla.assessment.Monitoring} and, for
 * synthetic data, {@link org.tonkla.assessment.BulkCenters}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
        allowedDependencies = {"platform", "identity", "directory"})
package org.tonkla.assessment;
