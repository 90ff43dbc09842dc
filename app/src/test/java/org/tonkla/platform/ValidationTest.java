package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 10 §2: a Buddhist-era year sent where a Christian-era date belongs is named as such. */
class ValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void aBuddhistEraYearIsNamedWithTheChristianEraDateItStandsFor() {
        // 5 March 2566 B.E. is 5 March 2023: the message names both, not only "in the future".
        assertThatThrownBy(() -> new Validation().date("dateOfBirth", LocalDate.of(2566, 3, 5), null, TODAY).throwIfInvalid())
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("dateOfBirth");
                    assertThat(e.errors().getFirst().expected()).contains("2566").contains("Buddhist-era").contains("2023-03-05");
                });
    }

    @Test
    void aBuddhistEraYearIsRefusedEvenWhereNoLatestDayIsSet() {
        // An agreement's start has no upper bound: 2569 was accepted as a date 543 years ahead.
        assertThat(new Validation().date("validFrom", LocalDate.of(2569, 1, 1), null, null).hasErrors()).isTrue();
        assertThat(new Validation().date("validFrom", LocalDate.of(2026, 1, 1), null, null).hasErrors()).isFalse();
    }

    @Test
    void aChristianEraFutureDateIsStillRefusedAsFuture() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInput.class,
                () -> new Validation().date("measuredOn", TODAY.plusDays(1), null, TODAY).throwIfInvalid());
        assertThat(e.errors().getFirst().expected()).doesNotContain("Buddhist");
    }
}
