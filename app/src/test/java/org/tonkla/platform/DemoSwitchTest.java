package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The demo and its published passwords load only where nobody else can reach them, or when asked for. */
class DemoSwitchTest {

    @Test
    void autoLoadsTheDemoOnlyOnLoopback() {
        assertThat(DemoSwitch.decide(null, "127.0.0.1", null)).isTrue();
        assertThat(DemoSwitch.decide("auto", "::1", "http://localhost:8080")).isTrue();
        assertThat(DemoSwitch.decide("", "localhost", "http://127.0.0.1:8080")).isTrue();
        assertThat(DemoSwitch.decide(null, "[::1]", "")).isTrue();
    }

    @Test
    void aFreshCloneOnANonLoopbackAddressHasNoDemo() {
        assertThat(DemoSwitch.decide(null, "0.0.0.0", null)).isFalse();
        assertThat(DemoSwitch.decide("auto", "10.1.2.3", "http://localhost:8080")).isFalse();
        assertThat(DemoSwitch.decide(null, "::", null)).isFalse();
        assertThat(DemoSwitch.decide(null, null, null)).as("unset bind address = every interface").isFalse();
        assertThat(DemoSwitch.decide(null, "", null)).isFalse();
        assertThat(DemoSwitch.decide(null, "tonkla.example.go.th", null)).isFalse();
    }

    @Test
    void aPublicUrlMakesALoopbackBoundTonklaPublic() {
        // e.g. nginx on the same host forwarding https://tonkla.example.go.th to 127.0.0.1:8080
        assertThat(DemoSwitch.decide(null, "127.0.0.1", "https://tonkla.example.go.th")).isFalse();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(DemoSwitch.decide("true", "0.0.0.0", "https://tonkla.example.go.th")).isTrue();
        assertThat(DemoSwitch.decide("TRUE", null, null)).isTrue();
        assertThat(DemoSwitch.decide("false", "127.0.0.1", null)).isFalse();
    }

    @Test
    void aTypoNeverTurnsTheDemoOn() {
        assertThatThrownBy(() -> DemoSwitch.decide("yes", "0.0.0.0", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
