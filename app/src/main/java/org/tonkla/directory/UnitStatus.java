package org.tonkla.directory;

import java.util.Locale;
import java.util.Optional;

/** Whether a service unit still works: a closed unit keeps its records and accepts no new ones. */
public enum UnitStatus {
    ACTIVE, CLOSED;

    /**
     * Reads a status as the lists write it: {@code active}/{@code closed} in any case, the MOPH registry's
     * กำลังใช้งาน (in use) and its closed labels (ปิด…, ยกเลิก…, เลิก…); empty for blank or anything else.
     */
    public static Optional<UnitStatus> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.strip();
        if (t.equalsIgnoreCase("active") || t.equals("กำลังใช้งาน") || t.equals("เปิดบริการ")) return Optional.of(ACTIVE);
        if (t.equalsIgnoreCase("closed") || t.startsWith("ปิด") || t.startsWith("ยกเลิก") || t.startsWith("เลิก")
                || t.equals("ไม่ใช้งาน")) {
            return Optional.of(CLOSED);
        }
        return Optional.empty();
    }

    public String messageKey() {
        return "unitStatus." + name().toLowerCase(Locale.ROOT);
    }
}
