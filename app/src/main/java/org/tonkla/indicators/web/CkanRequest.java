package org.tonkla.indicators.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A CKAN call's parameters, from the query string, a form or a JSON body, read as CKAN reads them. */
final class CkanRequest {

    /** A CKAN call's JSON body is a few parameters; anything larger is refused unread. */
    static final int MAX_BODY = 64 * 1024;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private CkanRequest() {}

    /**
     * The call's parameters: the query string's or a form's, else a JSON body's (ckanapi posts JSON). The body is read
     * here, up to {@link #MAX_BODY}, because this is an anonymous address: a body of any size would be held in memory.
     */
    static Map<String, String> params(Map<String, String> query, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            byte[] bytes;
            try {
                bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            } catch (java.io.IOException e) {
                throw new BadJson();
            }
            if (bytes.length > MAX_BODY) throw new BadJson();
            java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
            try {
                if (request.getCharacterEncoding() != null) charset = java.nio.charset.Charset.forName(request.getCharacterEncoding());
            } catch (IllegalArgumentException unknownCharset) {
                throw new BadJson();
            }
            String body = new String(bytes, charset);
            if (!body.isBlank()) putAll(json(body), out);
        }
        // CKAN reads a form whose only key is a JSON object (curl -d '{"q": …}' sends one) as that object.
        if (query.size() == 1) {
            Map.Entry<String, String> only = query.entrySet().iterator().next();
            if (only.getKey().startsWith("{") && (only.getValue() == null || only.getValue().isEmpty() || only.getValue().equals("1"))) {
                if (only.getKey().length() > MAX_BODY) throw new BadJson();
                putAll(json(only.getKey()), out);
                return out;
            }
        }
        query.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }

    /** A JSON object's fields as parameters: text as it is, numbers and the rest as JSON, nulls left out. */
    private static void putAll(tools.jackson.databind.JsonNode object, Map<String, String> out) {
        object.properties().forEach(e -> {
            tools.jackson.databind.JsonNode v = e.getValue();
            if (!v.isNull()) out.put(e.getKey(), v.isString() ? v.asString() : v.toString());
        });
    }

    private static tools.jackson.databind.JsonNode json(String body) {
        try {
            tools.jackson.databind.JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) throw new BadJson();
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw new BadJson();
        }
    }

    /** A body that is not a JSON object: CKAN's "JSON Error". */
    static final class BadJson extends RuntimeException {
        BadJson() {
            super("the request body is not a JSON object", null, false, false);
        }
    }
}
