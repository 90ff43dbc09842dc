package org.tonkla.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopePolicy;
import org.tonkla.platform.TonklaProperties;

/**
 * Three filter chains. {@code /oauth2/**}: the token endpoint where machine clients trade their
 * client credentials for a JWT, throttled per client id and address. {@code /api/**}: the browser
 * session or a bearer token, answering 401/403 as problem+json. Everything else: pages with form
 * login (and OIDC when configured).
 *
 * <p>Common to all: the account behind a session is read again on every request ({@link FreshRights});
 * anonymous requests make no session (the CSRF token and the page waiting for a login live in
 * cookies, so a session row is written only when someone signs in); every redirect is a relative
 * path, never built from the {@code Host} header; Referrer-Policy and Permissions-Policy on every
 * answer, HSTS and {@code Secure} cookies when the public URL is https. Health is public; metrics
 * need an administrator or a direct request from this machine; the OpenAPI description and Swagger
 * UI need a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LoginLimits.class)
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/login", "/css/**", "/fonts/**", "/js/**", "/webjars/**", "/geo/**", "/img/**",
        "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
        // Open data (issue 15): aggregate counts only, small cells withheld.
        "/open-data", "/open-data/**",
        // Password reset by e-mail (issue 10 §6): asked for and used by someone who cannot sign in.
        "/password-reset", "/password-reset/*"};

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), serial=(), bluetooth=()";

    private final boolean https;

    SecurityConfiguration(TonklaProperties tonkla) {
        this.https = tonkla.https();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    ScopePolicy scopePolicy(Environment env) {
        Set<Role> bound = Binder.get(env).bind("tonkla.scope.agency-bound-roles", Role[].class)
                .map(Set::of).orElse(Set.of(Role.AGENCY_ANALYST));
        return new ScopePolicy(bound);
    }

    /** The session cookie is {@code Secure} when Tonkla is reached over https (also behind a TLS proxy). */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie() {
        return serializer -> serializer.setUseSecureCookie(https);
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http, LoginThrottle throttle) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new TokenThrottle(throttle), CsrfFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, TokenUsers tokenUsers, UserAccounts accounts) throws Exception {
        RequestMatcher bearer = SecurityConfiguration::hasBearer;
        http.securityMatcher("/api/**", "/fhir/**") // FHIR partners sign in as API clients do
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenUsers))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterAfter(new FreshRights(accounts, ProblemResponses.unauthorized()), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).ignoringRequestMatchers(bearer))
                .requestCache(cache -> cache.disable())
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginOutcome outcome, UserAccounts accounts,
            ObjectProvider<ClientRegistrationRepository> oidcClients, OidcAccounts oidcAccounts) throws Exception {
        var toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true);
        var savedPage = (CookieRequestCache) LoginOutcome.SAVED_PAGE;
        savedPage.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/prometheus").access(administratorOrThisMachine())
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(outcome)
                        .failureHandler(outcome)
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(toLogin))
                .requestCache(cache -> cache.requestCache(savedPage))
                // CKAN's action API is read-only and anonymous here, and its clients (ckanapi) call actions by POST.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).ignoringRequestMatchers("/open-data/api/3/action/**", "/open-data/api/action/**"))
                .addFilterAfter(new FreshRights(accounts, toLogin), AnonymousAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> headers(h).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'")));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcAccounts))
                    .successHandler(outcome));
        }
        return http.build();
    }

    private HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> h) {
        h.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
        if (https) {
            // Behind a proxy that terminates TLS the request itself looks like plain http: send HSTS anyway.
            h.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                    .maxAgeInSeconds(31_536_000).includeSubDomains(false));
        } else {
            h.httpStrictTransportSecurity(hsts -> hsts.disable());
        }
        return h;
    }

    /** The CSRF token in a cookie (HttpOnly; the pages carry it in a form field or meta tag), not in a session. */
    private CookieCsrfTokenRepository csrfCookie() {
        var repository = new CookieCsrfTokenRepository();
        repository.setHeaderName("X-CSRF-TOKEN"); // the pages' scripts and API clients send this one, as before
        repository.setCookieCustomizer(cookie -> cookie.secure(https).sameSite("Lax"));
        return repository;
    }

    /**
     * Prometheus scrapes from the same host (no proxy header: through a reverse proxy on this host, every
     * request would come from loopback), anyone else must be a signed-in administrator.
     */
    private static AuthorizationManager<RequestAuthorizationContext> administratorOrThisMachine() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            boolean local = isLoopback(request.getRemoteAddr()) && request.getHeader("X-Forwarded-For") == null
                    && request.getHeader("Forwarded") == null && request.getHeader("X-Real-IP") == null;
            var auth = authentication.get();
            boolean administrator = auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                    .anyMatch(a -> Role.ADMINISTRATOR.authority().equals(a.getAuthority()));
            return new AuthorizationDecision(local || administrator);
        };
    }

    static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
