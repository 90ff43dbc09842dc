package org.tonkla.registry;

/** Sex as recorded at birth; the WHO growth standards are sex-specific. */
public enum Sex {
    M, F;

    public String messageKey() {
        return "sex." + name();
    }
}
