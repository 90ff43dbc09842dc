/**
 * The child's record book (สมุดพกดิจิทัล): growth with WHO z-scores, DSPM screenings, immunizations
 * against the Thai EPI schedule, health notes. One record per fact, entered once, seen by every
 * unit in scope; corrections keep history. {@link org.tonkla.recordbook.RecordBook} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Record book",
        allowedDependencies = {"platform", "identity", "directory", "consent", "registry"})
package org.tonkla.recordbook;
