package org.tonkla.directory;

import java.util.Locale;
import java.util.Optional;

/** Kinds of service unit that hold a piece of a child's life. */
public enum ServiceUnitType {
    /** ศูนย์พัฒนาเด็กเล็ก and other early-childhood centers. */
    EARLY_CHILDHOOD_CENTER,
    KINDERGARTEN,
    SCHOOL,
    /** โรงพยาบาลส่งเสริมสุขภาพตำบล and other primary-care units. */
    HEALTH_CENTER,
    HOSPITAL,
    SOCIAL_DEVELOPMENT_OFFICE,
    /** สำนักงานสาธารณสุขจังหวัด/อำเภอ: provincial and district health offices. */
    HEALTH_OFFICE,
    /** Clinics, academic centers and health units of unknown type. */
    OTHER_HEALTH_UNIT;

    public String messageKey() {
        return "unitType." + name();
    }

    /** Accepts {@code EARLY_CHILDHOOD_CENTER}, {@code early-childhood-center} or {@code early_childhood_center}. */
    public static Optional<ServiceUnitType> parse(String text) {
        if (text == null) return Optional.empty();
        String normalized = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (ServiceUnitType t : values()) {
            if (t.name().equals(normalized)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
