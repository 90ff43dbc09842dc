package org.tonkla;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machinery of {@link AuthorizationMatrixTest}: rows (route key, expectations in and out of scope, how
 * to fill the path and what body to send), the personas' signed-in sessions (one login each, kept for the
 * JVM), sending every request and classifying the answer.
 */
final class AuthorizationMatrix {

    private AuthorizationMatrix() {}

    /** The personas, in the order of the letters of an expectation. */
    static final List<String> PERSONAS = List.of("anonymous", "admin", "officer.khonkaen", "officer.chiangmai",
            "teacher.kk", "health.kk", "head.kk", "school.kk", "guardian.kk");
    static final String PASSWORD = "tonkla-demo";

    enum Outcome {
        ALLOW('A'), DENY('D'), NOT_FOUND('N');

        final char letter;

        Outcome(char letter) {
            this.letter = letter;
        }

        static Outcome of(char letter) {
            for (Outcome o : values()) if (o.letter == letter) return o;
            throw new IllegalArgumentException("expected A, D or N, got '" + letter + "'");
        }

        /** 401/403 or a redirect to the login page: denied; 404: not found; anything else got through. */
        static Outcome classify(HttpResponse<?> r) {
            int s = r.statusCode();
            if (s == 401 || s == 403) return DENY;
            if (s >= 300 && s < 400 && r.headers().firstValue("Location").orElse("").matches("(https?://[^/]+)?/login([?#].*)?")) {
                return DENY;
            }
            if (s == 404) return NOT_FOUND;
            return ALLOW;
        }
    }

    /** The value of a path (or query/body) variable in scope and out of scope of the Khon Kaen personas. */
    record Binding(Supplier<String> in, Supplier<String> out) {

        Binding(Object in, Object out) {
            this(() -> String.valueOf(in), () -> String.valueOf(out));
        }

        static Binding same(Object value) {
            return new Binding(value, value);
        }
    }

    static Row row(String key, String in) {
        return new Row(key, in);
    }

    /** One route: {@code "METHOD /pattern"} with what each persona should get, and what to send. */
    static final class Row {
        /** The route key plus an optional label ({@code "GET /x #search"}) for a second request to the same route. */
        final String key;
        /** The route key as the route table has it: {@code "GET /x"}. */
        final String route;
        final String method;
        final String pattern;
        final List<Outcome> in;
        List<Outcome> out;
        boolean extra;
        String query;
        String contentType;
        String body;
        byte[] multipart;
        final Map<String, Binding> bindings = new LinkedHashMap<>();

        String secret;
        String shows;

        Row(String key, String in) {
            this.key = key;
            this.route = key.replaceFirst("\\s+#.*$", "");
            int space = route.indexOf(' ');
            if (space < 0 || !route.substring(space + 1).startsWith("/")) throw new IllegalArgumentException("Row key: " + key);
            this.method = route.substring(0, space);
            this.pattern = route.substring(space + 1);
            this.in = expectations(key, in);
        }

        /** Expectations for the out-of-scope values; without it the row is sent in scope only. */
        Row out(String expected) {
            this.out = expectations(key, expected);
            return this;
        }

        /** Not in Spring MVC's route table (actuator, springdoc): sent, but not checked against the table. */
        Row extra() {
            this.extra = true;
            return this;
        }

        /**
         * What a list shows (in-scope request, answers that got through): {@code secret} (e.g. a child's id) must
         * not appear for the personas marked {@code D} in {@code shows}, must appear for those marked {@code A}
         * (so the check is known to look at the right thing), and may for those marked {@code -}.
         */
        Row hides(Object secret, String shows) {
            this.secret = String.valueOf(secret);
            this.shows = shows.replaceAll("\\s+", "");
            if (!this.shows.matches("[AD-]{" + PERSONAS.size() + "}")) {
                throw new IllegalArgumentException(key + ": hides(..) takes " + PERSONAS.size() + " of A, D, -: " + shows);
            }
            return this;
        }

        Row bind(String variable, Binding binding) {
            bindings.put(variable, binding);
            return this;
        }

        /** A query string; {@code {var}} is filled like a path variable. */
        Row query(String query) {
            this.query = query;
            return this;
        }

        Row form(String form) {
            this.contentType = "application/x-www-form-urlencoded";
            this.body = form;
            return this;
        }

        Row json(String json) {
            this.contentType = "application/json";
            this.body = json;
            return this;
        }

        Row multipart(String field, String fileName, String type, byte[] content) {
            String boundary = "authzMatrixBoundary7d1";
            var bytes = new ByteArrayOutputStream();
            bytes.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(content);
            bytes.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            this.contentType = "multipart/form-data; boundary=" + boundary;
            this.multipart = bytes.toByteArray();
            return this;
        }

        private static List<Outcome> expectations(String key, String letters) {
            String[] parts = letters.trim().split("\\s+");
            if (parts.length != PERSONAS.size()) {
                throw new IllegalArgumentException(key + ": " + PERSONAS.size() + " letters expected (" + PERSONAS + "), got '"
                        + letters + "'");
            }
            List<Outcome> result = new ArrayList<>();
            for (String p : parts) {
                if (p.length() != 1) throw new IllegalArgumentException(key + ": '" + p + "' is not one of A, D, N");
                result.add(Outcome.of(p.charAt(0)));
            }
            return List.copyOf(result);
        }
    }

    static Map<String, Row> byKey(List<Row> rows) {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row r : rows) {
            if (map.put(r.key, r) != null) throw new IllegalArgumentException("Two rows for " + r.key);
        }
        return map;
    }

    /** {@code /a/{year:\d{4}}} → {@code /a/{year}}: the variable's name without its regular expression. */
    static String normalize(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 1;
            int j = i + 1;
            int colon = -1;
            while (j < pattern.length() && depth > 0) {
                char d = pattern.charAt(j);
                if (d == '{') depth++;
                else if (d == '}') depth--;
                else if (d == ':' && depth == 1 && colon < 0) colon = j;
                j++;
            }
            out.append('{').append(pattern, i + 1, colon > 0 ? colon : j - 1).append('}');
            i = j;
        }
        return out.toString();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    /** A persona's session and its CSRF token, signed in once per JVM and server. */
    record Client(String persona, WebClientSession web, String csrf) {}

    private static final Map<String, Client> CLIENTS = new ConcurrentHashMap<>();

    /** One run of the matrix against a server: sends every row and collects mismatches and a report. */
    static final class Run {
        private final String base;
        private final Map<String, Binding> defaults;
        private final StringBuilder report = new StringBuilder();
        private final List<String> serverErrors = new ArrayList<>();
        private int requests;

        Run(String base, Map<String, Binding> defaults) {
            this.base = base;
            this.defaults = defaults;
        }

        List<String> check(List<Row> rows) {
            byKey(rows); // no duplicates
            long started = System.nanoTime();
            List<String> mismatches = new ArrayList<>();
            report.append(String.format("%-62s %-4s", "route", "scope"));
            for (String p : PERSONAS) report.append(String.format(" %-9.9s", p));
            report.append('\n');
            for (Row row : rows) {
                send(row, "in", row.in, mismatches);
                if (row.out != null) send(row, "out", row.out, mismatches);
            }
            report.append(String.format("%d requests in %.1f s%n", requests, (System.nanoTime() - started) / 1e9));
            if (!serverErrors.isEmpty()) {
                report.append("Server errors (counted as ALLOW: authorization passed):\n");
                serverErrors.forEach(e -> report.append("  ").append(e).append('\n'));
            }
            return mismatches;
        }

        String report() {
            return report.toString();
        }

        private void send(Row row, String scope, List<Outcome> expected, List<String> mismatches) {
            boolean in = scope.equals("in");
            String path = fill(row, row.pattern, in, true);
            if (row.query != null) path += "?" + fill(row, row.query, in, true);
            String body = row.body == null ? null : fill(row, row.body, in, row.contentType.startsWith("application/x-www"));
            report.append(String.format("%-62s %-4s", row.key, scope));
            for (int i = 0; i < PERSONAS.size(); i++) {
                String persona = PERSONAS.get(i);
                HttpResponse<String> response = request(client(persona), row, path, body);
                requests++;
                Outcome got = Outcome.classify(response);
                Outcome want = expected.get(i);
                boolean ok = got == want;
                report.append(String.format(" %3d%-6s", response.statusCode(), ok ? "" : "≠" + want.letter));
                if (response.statusCode() >= 500) serverErrors.add(row.method + " " + path + " as " + persona + " → "
                        + response.statusCode());
                char shows = row.secret == null || !in || got != Outcome.ALLOW ? '-' : row.shows.charAt(i);
                boolean shown = response.body() != null && response.body().contains(row.secret == null ? "" : row.secret);
                if (ok && shows != '-' && shown != (shows == 'A')) {
                    ok = false;
                    mismatches.add(String.format("%s (%s: %s %s) as %s: %d %s %s", row.key, scope, row.method, path, persona,
                            response.statusCode(), shown ? "shows" : "does not show", row.secret));
                } else if (!ok) {
                    mismatches.add(String.format("%s (%s: %s %s) as %s: expected %s, got %d%s%s", row.key, scope, row.method,
                            path, persona, want, response.statusCode(),
                            response.headers().firstValue("Location").map(l -> " → " + l.replace(base, "")).orElse(""),
                            snippet(response)));
                }
            }
            report.append('\n');
        }

        private static String snippet(HttpResponse<String> r) {
            String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ").strip();
            if (body.isEmpty() || body.startsWith("<!")) return "";
            return " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
        }

        private String fill(Row row, String template, boolean in, boolean urlEncode) {
            Matcher m = VARIABLE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                Binding b = row.bindings.getOrDefault(name, defaults.get(name));
                if (b == null) {
                    throw new IllegalStateException(row.key + ": no value for {" + name + "}: add .bind(\"" + name
                            + "\", new Binding(inScope, outOfScope)) to the row");
                }
                String value = in ? b.in().get() : b.out().get();
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return urlEncode ? encodeNonAscii(out.toString()) : out.toString();
        }

        /** Percent-encodes what a URI may not hold (Thai letters), leaving the URL's own syntax alone. */
        private static String encodeNonAscii(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                if (cp < 128 && cp != ' ') out.appendCodePoint(cp);
                else out.append(URLEncoder.encode(new String(Character.toChars(cp)), StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        private HttpResponse<String> request(Client client, Row row, String path, String body) {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", path.matches("/(api|actuator|v3)/.*") ? "application/json" : "text/html");
            HttpRequest.BodyPublisher publisher = row.multipart != null ? HttpRequest.BodyPublishers.ofByteArray(row.multipart)
                    : body != null ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody();
            String method = row.method.equals("ANY") ? "GET" : row.method; // a route for every method is tried with GET
            if (!method.equals("GET")) {
                if (client.csrf() != null) builder.header("X-CSRF-TOKEN", client.csrf());
                if (row.contentType != null) builder.header("Content-Type", row.contentType);
            }
            builder.method(method, publisher);
            return client.web().send(builder.build());
        }

        private Client client(String persona) {
            return CLIENTS.computeIfAbsent(base + "|" + persona, k -> {
                var web = new WebClientSession(base);
                if (persona.equals("anonymous")) {
                    Matcher m = FORM_CSRF.matcher(web.get("/login", "text/html").body());
                    return new Client(persona, web, m.find() ? m.group(1) : null);
                }
                String landing = web.login(persona, PASSWORD);
                if (landing.startsWith("/login")) throw new IllegalStateException(persona + " could not sign in: " + landing);
                Matcher m = META_CSRF.matcher(web.get("/", "text/html").body());
                if (!m.find()) throw new IllegalStateException("No CSRF token on the home page of " + persona);
                return new Client(persona, web, m.group(1));
            });
        }
    }
}
