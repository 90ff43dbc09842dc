/**
 * Who the user is and what they may touch: users with one {@link org.tonkla.identity.Role} and one
 * {@link org.tonkla.identity.Scope} (an agency plus an org unit), login by form, OIDC or API token,
 * and the one scope check every module uses, {@link org.tonkla.identity.ScopeCheck}.
 * Where an org unit lies is asked of whoever implements {@link org.tonkla.identity.OrgUnitDirectory}
 * (the directory module), so identity depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package org.tonkla.identity;
