/**
 * Data kept in other standards coming in: the MOPH "43 files" of a health center (PERSON, ADDRESS,
 * HOME, NUTRITION, EPI, SPECIALPP) checked row by row and loaded through the registry's and the record
 * book's bulk imports, resumably, with a report of every rejected row. {@link org.tonkla.exchange.F43Imports}
 * is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange",
        allowedDependencies = {"platform", "identity", "directory", "registry", "recordbook", "referral"})
package org.tonkla.exchange;
