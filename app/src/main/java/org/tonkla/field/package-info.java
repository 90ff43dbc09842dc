/**
 * Home visits in the field (issue 11): campaigns over an area and a period with surveyors assigned to subdistricts
 * or children ({@link org.tonkla.field.Campaigns}), the versioned home-visit XForm kept in the repository
 * ({@link org.tonkla.field.FieldForms}), an OpenRosa server so ODK Collect works unchanged, and the processing of a
 * submission: the household visit, each child matched or registered through the registry's duplicate guard, weight and
 * height into the record book, photos cleaned into the file store, and screening rules kept as data yielding needs
 * with the agency that must act ({@link org.tonkla.recordbook.NeedSource}), and what the visit found of the child's
 * living arrangement and protection as a protection screening ({@link org.tonkla.protection.ProtectionScreenings}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field visits",
        allowedDependencies = {"platform", "identity", "directory", "consent", "registry", "recordbook",
                "protection"})
package org.tonkla.field;
