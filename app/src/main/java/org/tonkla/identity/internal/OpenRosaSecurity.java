package org.tonkla.identity.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The OpenRosa server's own filter chain ({@code /openrosa/**}), for ODK Collect: HTTP Basic with Tonkla accounts,
 * checked by {@link ThrottledLogin} (the same progressive delay as the login form), stateless (no session, no cookie,
 * nothing remembered between requests) and without CSRF (no cookie authenticates, so no other site can ride on one).
 * A 401 carries the Basic challenge and the OpenRosa version header, as the OpenRosa Authentication API asks.
 *
 * <p>Digest is not offered: it needs the password (or an MD5 of it) on the server, and Tonkla keeps only Argon2
 * hashes. ODK Collect sends Basic credentials only over https (over plain http it does Digest only), so phones reach
 * this chain through a TLS proxy; over plain http a password would cross the network in the clear anyway.
 */
@Configuration(proxyBeanMethods = false)
class OpenRosaSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain openRosa(HttpSecurity http, ThrottledLogin login) throws Exception {
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Tonkla\", charset=\"UTF-8\"");
            response.setHeader("X-OpenRosa-Version", "1.0");
            response.setStatus(401);
            response.setContentType("text/xml;charset=UTF-8");
            response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\" items=\"0\">"
                    + "<message nature=\"error\">กรุณาใส่ชื่อผู้ใช้และรหัสผ่าน Tonkla (sign in with your Tonkla account)</message>"
                    + "</OpenRosaResponse>\n").getBytes(StandardCharsets.UTF_8));
        };
        http.securityMatcher("/openrosa/**")
                .authenticationManager(new ProviderManager(login))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge)
                        .securityContextRepository(new NullSecurityContextRepository()))
                .exceptionHandling(e -> e.authenticationEntryPoint(challenge))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
