package org.tonkla.assessment.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tonkla.assessment.AssessmentProperties;
import org.tonkla.assessment.Catalogues;

/** Binds {@code tonkla.assessment.*} and stores the shipped catalogue on a new database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfiguration {

    // Before demo data (order 50) and the generate command (200), which open and load assessments.
    @Bean
    @Order(10)
    ApplicationRunner shippedCatalogue(Catalogues catalogues) {
        return (ApplicationArguments args) -> catalogues.storeShipped();
    }
}
