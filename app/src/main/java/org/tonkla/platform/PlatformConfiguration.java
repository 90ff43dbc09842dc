package org.tonkla.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module injects: no code calls {@code LocalDate.now()} directly, so tests can fix time.
 * Its zone is Asia/Bangkok, so "today" is the day in Thailand (between midnight and 07:00 the UTC date
 * is still yesterday's); instants, and so every {@code timestamptz}, are zone-free and stored in UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TonklaProperties.class)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ThaiDates.BANGKOK);
    }
}
