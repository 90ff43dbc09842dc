package org.tonkla.core.standard;

import java.util.List;
import java.util.Objects;

/**
 * One of the three standards (มาตรฐานด้านที่ 1–3).
 *
 * @param number 1, 2 or 3
 * @param title the Thai title
 * @param indicators its indicators, in catalogue order
 */
public record Standard(int number, String title, List<Indicator> indicators) {
    public Standard {
        Objects.requireNonNull(title, "title");
        indicators = List.copyOf(indicators);
    }
}
