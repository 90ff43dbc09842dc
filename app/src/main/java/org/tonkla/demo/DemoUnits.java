package org.tonkla.demo;

import java.util.UUID;

/** Fixed ids of the demo service units, so tests and links can name them. All names say (สาธิต): demo. */
public final class DemoUnits {

    /** ศูนย์พัฒนาเด็กเล็ก in Nai Mueang, Mueang Khon Kaen; DLA. */
    public static final UUID KHON_KAEN_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000001");
    /** Health-promoting hospital in Samran, Mueang Khon Kaen; MOPH. */
    public static final UUID KHON_KAEN_HEALTH_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000002");
    /** Kindergarten in Nai Mueang, Mueang Khon Kaen; OBEC. */
    public static final UUID KHON_KAEN_KINDERGARTEN = UUID.fromString("0192f0a0-0000-7000-8000-000000000003");
    /** Provincial social development office, Khon Kaen; MSDHS. */
    public static final UUID KHON_KAEN_SOCIAL_OFFICE = UUID.fromString("0192f0a0-0000-7000-8000-000000000004");
    /** ศูนย์พัฒนาเด็กเล็ก in Si Phum, Mueang Chiang Mai; DLA. */
    public static final UUID CHIANG_MAI_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000005");

    /** ศูนย์พัฒนาเด็กเล็ก in Nam Phong, Nam Phong district (Khon Kaen); DLA. Where surveyor.kk's campaign registers children. */
    public static final UUID NAM_PHONG_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000006");

    private DemoUnits() {}
}
