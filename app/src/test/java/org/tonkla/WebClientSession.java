package org.tonkla;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A browser-like HTTP client for tests: keeps cookies and logs in through the real login form. */
public final class WebClientSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClientSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** Logs in through /login; returns the redirect target ("/" on success, "/login?error" otherwise). */
    public String login(String username, String password) {
        String page = get("/login", "text/html").body();
        var m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("No CSRF token on the login page");
        var form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        var response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return response.headers().firstValue("Location").orElse("").replace(base, "");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> getJson(String path) {
        return get(path, "application/json");
    }

    private static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    /** POSTs JSON with the session's CSRF token (read from the home page, as the pages' scripts do). */
    public HttpResponse<String> postJson(String path, String body) {
        return sendJson("POST", path, body);
    }

    /** Sends JSON with the given method and the session's CSRF token. */
    public HttpResponse<String> sendJson(String method, String path, String body) {
        var m = META_CSRF.matcher(get("/", "text/html").body());
        if (!m.find()) throw new IllegalStateException("No CSRF token on the home page: not signed in?");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", m.group(1))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POSTs a form with the session's CSRF token in the header, as the pages' scripts (htmx) do. */
    public HttpResponse<String> postForm(String path, String form) {
        var m = META_CSRF.matcher(get("/", "text/html").body());
        if (!m.find()) throw new IllegalStateException("No CSRF token on the home page: not signed in?");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", m.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
