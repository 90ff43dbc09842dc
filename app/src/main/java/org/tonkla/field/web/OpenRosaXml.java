package org.tonkla.field.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tonkla.field.FieldForms;
import org.tonkla.field.internal.SubmissionIntake;

/** The OpenRosa documents the server writes: form list, manifest and the submission response. */
final class OpenRosaXml {

    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private OpenRosaXml() {}

    /** The headers every OpenRosa answer carries (OpenRosa HTTP Request API). */
    static ResponseEntity.BodyBuilder answer(int status) {
        return ResponseEntity.status(status)
                .header("X-OpenRosa-Version", "1.0")
                .header("X-OpenRosa-Accept-Content-Length", Long.toString(SubmissionIntake.ACCEPT_CONTENT_LENGTH))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8));
    }

    static String formList(List<FieldForms.Form> forms, String base) {
        var xml = new StringBuilder(XML_DECLARATION).append("<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n");
        for (FieldForms.Form f : forms) {
            String path = base + "/openrosa/forms/" + f.formId() + "/" + f.version();
            xml.append("  <xform>\n")
                    .append("    <formID>").append(escape(f.formId())).append("</formID>\n")
                    .append("    <name>").append(escape(f.title())).append("</name>\n")
                    .append("    <version>").append(escape(f.version())).append("</version>\n")
                    .append("    <hash>").append(f.hash()).append("</hash>\n")
                    .append("    <downloadUrl>").append(escape(path + "/form.xml")).append("</downloadUrl>\n")
                    .append("    <manifestUrl>").append(escape(path + "/manifest")).append("</manifestUrl>\n")
                    .append("  </xform>\n");
        }
        return xml.append("</xforms>\n").toString();
    }

    /** The home-visit form has no media files: an empty manifest (its URL is listed so clients ask and find none). */
    static String manifest() {
        return XML_DECLARATION + "<manifest xmlns=\"http://openrosa.org/xforms/xformsManifest\">\n</manifest>\n";
    }

    /** {@code nature} is {@code submit_success} or {@code error}. */
    static String response(String nature, String message) {
        return XML_DECLARATION + "<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\" items=\"0\">\n"
                + "  <message nature=\"" + nature + "\">" + escape(message) + "</message>\n</OpenRosaResponse>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
