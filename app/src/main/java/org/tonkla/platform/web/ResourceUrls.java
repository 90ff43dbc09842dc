package org.tonkla.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * No rewriting of the links a page writes. With WebJars on the class path Spring Boot turns the resource chain on
 * and passes every {@code @{...}} link of every page through {@link ResourceUrlEncodingFilter}, which looks the path
 * up in the static locations on the class path, uncached when nothing is found: on the indicator dashboard (a link
 * per area) that was two thirds of the JVM's time for the page (issue 15 §4). Nothing here is served under a
 * versioned name (no version strategy is configured, WebJars are linked with their version), so the rewrite never
 * changed a link; registering the filter disabled keeps Boot from adding its own.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrls {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
