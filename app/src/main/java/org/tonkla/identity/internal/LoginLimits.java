package org.tonkla.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How patient Tonkla is with wrong passwords and client secrets ({@code tonkla.login.*}).
 *
 * @param accountFailures failures of one account or API client before its attempts are delayed
 * @param addressFailures failures from one client address before its attempts are delayed
 * @param firstDelay the first delay; each further failure doubles it
 * @param accountMaxDelay the longest delay of an account: short, so that an attacker cannot keep its owner out
 * @param addressMaxDelay the longest delay of an address
 * @param forgetAfter failures older than this no longer count
 */
@ConfigurationProperties("tonkla.login")
record LoginLimits(int accountFailures, int addressFailures, Duration firstDelay, Duration accountMaxDelay,
        Duration addressMaxDelay, Duration forgetAfter) {

    LoginLimits {
        if (accountFailures <= 0) accountFailures = 5;
        if (addressFailures <= 0) addressFailures = 50;
        if (firstDelay == null) firstDelay = Duration.ofSeconds(1);
        if (accountMaxDelay == null) accountMaxDelay = Duration.ofMinutes(1);
        if (addressMaxDelay == null) addressMaxDelay = Duration.ofMinutes(15);
        if (forgetAfter == null) forgetAfter = Duration.ofHours(1);
    }

    /** The delay after {@code failures} failures when {@code free} are allowed without one: zero, then 1, 2, 4 … × first. */
    Duration delayAfter(int failures, int free, Duration max) {
        if (failures < free) return Duration.ZERO;
        int doublings = Math.min(failures - free, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
