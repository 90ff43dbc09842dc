package org.tonkla.field;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The home-visit forms Tonkla serves, each a file in the repository served byte for byte as it is (ODK Collect
 * compares the {@code md5:} hash of the form list with the file it downloaded). A changed form is a new file with a
 * new version; submissions name the form and version they were filled in, and an unknown pair is refused.
 */
@Component
public class FieldForms {

    /** One version of a form: the XForm's {@code id} and {@code version} attributes and its bytes. */
    public record Form(String formId, String version, String title, byte[] xml) {

        /** The OpenRosa form-list hash: {@code md5:} and the hex MD5 of the served bytes. */
        public String hash() {
            try {
                return "md5:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(xml));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The form the demo campaign and new campaigns use. */
    public static final String HOME_VISIT = "tonkla_home_visit";
    /** The version the form list serves: the second plus the phone's start and end times of the visit. */
    public static final String HOME_VISIT_VERSION = "2026113001";
    /** The second version, with the child's living arrangement and protection items (issue 17); still accepted. */
    public static final String HOME_VISIT_V2 = "2026112901";
    /** The first version, still accepted from phones that carry it. */
    public static final String HOME_VISIT_V1 = "2026112801";

    private final List<Form> forms = List.of(
            load(HOME_VISIT, HOME_VISIT_V1, "เยี่ยมบ้านเด็กปฐมวัย (Tonkla home visit)", "field/forms/home_visit_v1.xml"),
            load(HOME_VISIT, HOME_VISIT_V2, "เยี่ยมบ้านเด็กปฐมวัย (Tonkla home visit)", "field/forms/home_visit_v2.xml"),
            load(HOME_VISIT, HOME_VISIT_VERSION, "เยี่ยมบ้านเด็กปฐมวัย (Tonkla home visit)", "field/forms/home_visit_v3.xml"));

    public Optional<Form> find(String formId, String version) {
        return forms.stream().filter(f -> f.formId().equals(formId) && f.version().equals(version)).findFirst();
    }

    /** The newest version of a form (the last listed), which the form list serves. */
    public Optional<Form> current(String formId) {
        return forms.reversed().stream().filter(f -> f.formId().equals(formId)).findFirst();
    }

    public List<Form> all() {
        return forms;
    }

    private static Form load(String id, String version, String title, String resource) {
        try (InputStream in = FieldForms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing form " + resource);
            return new Form(id, version, title, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
