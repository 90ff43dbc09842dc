package org.tonkla.identity.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The OpenRosa server's own filter chain ({@code /openrosa/**}), for ODK Collect: HTTP Digest ({@link DigestLogin}) and
 * HTTP Basic with Tonkla accounts, stateless (no session, no cookie, nothing remembered between requests but verified
 * Basic credentials, see {@link RememberedCredentials}) and without CSRF (no cookie authenticates, so no other site can
 * ride on one). Basic is checked by {@link ThrottledLogin} (the same progressive delay as the login form). A 401 carries
 * both challenges and the OpenRosa version header, as the OpenRosa Authentication API asks.
 *
 * <p>ODK Collect sends Basic credentials only over https; over plain http it does Digest only. Digest needs HA1 on the
 * server, kept per account from the moment its password is next known ({@link DigestCredentials}); an account without
 * it yet can use Basic (over https) or sign in to the web once. {@code tonkla.openrosa.digest=false} turns Digest off
 * and leaves Basic as it is.
 */
@Configuration(proxyBeanMethods = false)
class OpenRosaSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain openRosa(HttpSecurity http, ThrottledLogin login, UserAccounts accounts, DigestCredentials credentials,
            LoginThrottle throttle, @Value("${tonkla.openrosa.digest:true}") boolean digestOn) throws Exception {
        DigestLogin[] digest = new DigestLogin[1];
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            if (digest[0] != null) digest[0].challenge(request, response, e);
            response.addHeader("WWW-Authenticate", "Basic realm=\"Tonkla\", charset=\"UTF-8\"");
            response.setHeader("X-OpenRosa-Version", "1.0");
            response.setStatus(401);
            response.setContentType("text/xml;charset=UTF-8");
            response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\" items=\"0\">"
                    + "<message nature=\"error\">กรุณาใส่ชื่อผู้ใช้และรหัสผ่าน Tonkla (sign in with your Tonkla account)</message>"
                    + "</OpenRosaResponse>\n").getBytes(StandardCharsets.UTF_8));
        };
        if (digestOn) {
            digest[0] = new DigestLogin(accounts, credentials, challenge, throttle);
            http.addFilterAfter(digest[0].filter(), BasicAuthenticationFilter.class);
        }
        http.securityMatcher("/openrosa/**")
                .authenticationManager(new ProviderManager(new RememberedCredentials(login, accounts)))
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
