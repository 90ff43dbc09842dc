package org.tonkla.demo;

import org.springframework.stereotype.Component;

/** The synthetic child population of the Khon Kaen pilot districts (issue 4, in progress). */
@Component
class SyntheticChildren {

    /** About 48,000 children aged 0–6 in Mueang Khon Kaen, Nam Phong and Chonnabot. */
    static final int PILOT_CHILDREN = 48_000;

    void generate(int count, long seed) {
        throw new UnsupportedOperationException("The synthetic child population is not built yet");
    }
}
