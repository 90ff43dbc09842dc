package org.tonkla.field.internal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the guardian did not consent to is not kept in the received XML either: once a visit is processed, the stored
 * submission loses the household (members, income, status items, photos, GPS) without consent for the household, the
 * children's health answers without consent for health, and the photo names without consent for photos. The hash of
 * the XML as received stays, so a re-sent copy is still known as the same submission.
 */
@Component
class SubmissionRedaction {

    private static final Set<String> HEALTH = Set.of("health_notes", "health_coverage", "disability");

    private final JdbcClient jdbc;

    SubmissionRedaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keepOnlyConsented(UUID submissionId, VisitForm.Consent consent) {
        boolean household = consent != null && consent.allows("household");
        boolean health = consent != null && consent.allows("health");
        boolean photos = consent != null && consent.allows("photos");
        if (household && health && photos) return;
        String xml = jdbc.sql("SELECT xml FROM field_submission WHERE id = ?").param(submissionId).query(String.class).single();
        try {
            var doc = VisitFormReader.parse(xml.getBytes(StandardCharsets.UTF_8)).getOwnerDocument();
            List<Node> drop = new ArrayList<>();
            var all = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                String name = e.getLocalName();
                String parent = e.getParentNode() instanceof Element p ? p.getLocalName() : "";
                if (!household && name.equals("household")
                        || !health && parent.equals("child") && HEALTH.contains(name)
                        || !photos && (parent.equals("child") && name.equals("photo") || name.startsWith("photo_"))) {
                    drop.add(e);
                }
            }
            drop.forEach(n -> n.getParentNode().removeChild(n));
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            var out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            jdbc.sql("UPDATE field_submission SET xml = ? WHERE id = ?").params(out.toString(), submissionId).update();
        } catch (Exception e) { // it was read once already; if it cannot be rewritten, keep nothing rather than all
            jdbc.sql("UPDATE field_submission SET xml = '' WHERE id = ?").param(submissionId).update();
        }
    }
}
