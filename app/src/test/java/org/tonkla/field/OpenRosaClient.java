package org.tonkla.field;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to the OpenRosa server as ODK Collect does: Basic authentication on every request, the OpenRosa version
 * header, HEAD before a submission, and a multipart POST with {@code xml_submission_file} and the attachments by file
 * name ({@code *isIncomplete*} when the submission is split over several POSTs).
 */
final class OpenRosaClient {

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    OpenRosaClient(String base, String username, String password) {
        this.base = base;
        this.authorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).GET().build());
    }

    HttpResponse<byte[]> getBytes(String pathOrUrl) {
        try {
            return http.send(request(pathOrUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A multipart POST to {@code /openrosa/submission}; {@code files} by file name. */
    HttpResponse<String> submit(byte[] xml, Map<String, byte[]> files, boolean incomplete) {
        String boundary = "----tonkla" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        part(body, boundary, "xml_submission_file", "submission.xml", "text/xml", xml);
        for (var f : files.entrySet()) part(body, boundary, f.getKey(), f.getKey(), "image/jpeg", f.getValue());
        if (incomplete) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"*isIncomplete*\"\r\n\r\nyes\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/openrosa/submission").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    HttpResponse<String> submit(byte[] xml, Map<String, byte[]> files) {
        return submit(xml, files, false);
    }

    static Map<String, byte[]> files(Object... nameThenBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) out.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        return out;
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String type, byte[] bytes) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        var b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl))
                .timeout(Duration.ofSeconds(60)).header("X-OpenRosa-Version", "1.0");
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid Thai national ID (THAI-RULES §4 checksum) that no other test uses. */
    static String nationalId() {
        var random = new java.util.Random();
        StringBuilder s = new StringBuilder("1");
        while (s.length() < 12) s.append(random.nextInt(10));
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (s.charAt(i) - '0') * (13 - i);
        return s.append((11 - sum % 11) % 10).toString();
    }
}
