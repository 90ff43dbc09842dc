package org.tonkla.demo;

import org.springframework.stereotype.Component;

/** A national set of synthetic early-childhood centers with their assessments (issue 5, in progress). */
@Component
class SyntheticCenters {

    void generate(int count, long seed) {
        throw new UnsupportedOperationException("The national set of centers is not built yet");
    }
}
