/**
 * Thailand's org units: the 77 provinces, 928 districts/khet and 7,436 subdistricts/khwaeng with
 * their DOPA codes; the agencies of the national ECD information system MOU and their departments;
 * and the service units (centers, schools, health centers, hospitals, social offices) with their
 * affiliation and location. {@link org.tonkla.directory.Directory} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = {"platform", "identity"})
package org.tonkla.directory;
