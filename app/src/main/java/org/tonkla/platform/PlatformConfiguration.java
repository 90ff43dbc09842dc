package org.tonkla.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every module injects: no code calls {@code LocalDate.now()} directly, so tests can fix time. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TonklaProperties.class)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
