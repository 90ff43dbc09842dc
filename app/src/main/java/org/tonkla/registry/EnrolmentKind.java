package org.tonkla.registry;

/** Attending a center, kindergarten or school, or registered with a health unit. */
public enum EnrolmentKind { ENROLLED, REGISTERED }
