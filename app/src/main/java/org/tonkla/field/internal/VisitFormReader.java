package org.tonkla.field.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.tonkla.platform.ThaiDates;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a home-visit instance XML. Namespaces are ignored by matching local names (ODK Collect writes {@code orx:meta});
 * DOCTYPEs are refused outright, so no entity of a submission is ever expanded or fetched.
 */
public final class VisitFormReader {

    /** The 8 EEF household-status items (THAI-RULES §6) as node names of the form. */
    static final List<String> STATUS_ITEMS = List.of("dependants", "tenure", "rent", "floor", "wall", "roof", "toilet",
            "farm_land", "water", "electricity", "vehicles", "appliances");

    private VisitFormReader() {}

    /** @throws OpenRosaProblem 400 for XML that is not well formed or not a home-visit instance */
    public static VisitForm read(byte[] xml) {
        Element root = parse(xml);
        String formId = root.getAttribute("id");
        String version = root.getAttribute("version");
        if (formId.isBlank()) throw bad("ไม่พบรหัสแบบฟอร์ม (the root element has no id attribute)");
        Element meta = child(root, "meta");
        String instanceId = meta == null ? null : text(meta, "instanceID");
        if (instanceId == null || instanceId.length() > 200) throw bad("ไม่พบ instanceID (meta/instanceID is missing)");
        Element visit = child(root, "visit");
        // Where XLSForm puts its start and end metadata, at the top of the instance; a hand-written form may keep them
        // in meta.
        Instant start = child(root, "start") != null ? timestamp(root, "start") : timestamp(meta, "start");
        Instant end = child(root, "end") != null ? timestamp(root, "end") : timestamp(meta, "end");
        if (visit == null) {
            return new VisitForm(formId, version, instanceId, null, null, null, null, null, null, List.of(), start, end);
        }
        Element consentNode = child(root, "consent");
        var consent = new VisitForm.Consent(consentNode != null && "yes".equals(text(consentNode, "given")),
                text(consentNode, "by_name"), text(consentNode, "relation"), date(consentNode, "on"),
                new LinkedHashSet<>(words(text(consentNode, "purposes"))));
        Element h = child(root, "household");
        VisitForm.Household household = h == null || text(h, "tenure") == null && children(h, "member").isEmpty() ? null : household(h);
        List<VisitForm.ChildEntry> kids = new ArrayList<>();
        for (Element c : children(root, "child")) {
            if (text(c, "given_name") == null && text(c, "dob") == null) continue; // an empty repeat
            kids.add(new VisitForm.ChildEntry(text(c, "given_name"), text(c, "family_name"), text(c, "sex"), date(c, "dob"),
                    text(c, "id_type"), text(c, "national_id"), text(c, "g_code"), text(c, "no_id_reason"), text(c, "photo"),
                    number(c, "weight"), number(c, "height"), text(c, "health_coverage"), text(c, "disability"),
                    text(c, "health_notes"), text(c, "living"), words(text(c, "protection")), text(c, "protection_reason")));
        }
        return new VisitForm(formId, version, instanceId, text(visit, "subdistrict"), text(visit, "village"),
                text(visit, "house_no"), text(visit, "outcome"), consent, household, kids, start, end);
    }

    private static VisitForm.Household household(Element h) {
        List<VisitForm.Member> members = new ArrayList<>();
        for (Element m : children(h, "member")) {
            Double income = number(m, "income");
            Double age = number(m, "age");
            members.add(new VisitForm.Member(age == null ? null : age.intValue(), text(m, "relation"), text(m, "occupation"),
                    income == null ? null : income.intValue(), text(m, "disability")));
        }
        Map<String, String> status = new LinkedHashMap<>();
        for (String item : STATUS_ITEMS) {
            String value = text(h, item);
            if (value != null) status.put(item, value);
        }
        Double lat = null, lon = null, acc = null;
        String gps = text(h, "gps");
        if (gps != null) {
            String[] parts = gps.split("\\s+");
            try {
                lat = Double.valueOf(parts[0]);
                lon = parts.length > 1 ? Double.valueOf(parts[1]) : null;
                acc = parts.length > 3 ? Double.valueOf(parts[3]) : null;
            } catch (NumberFormatException e) {
                throw bad("พิกัด GPS ไม่ถูกต้อง (gps is not 'latitude longitude altitude accuracy')");
            }
            if (lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw bad("พิกัด GPS ไม่ถูกต้อง (gps out of range)");
        }
        return new VisitForm.Household(members, status, text(h, "photo_fallback"), text(h, "photo_outside"),
                text(h, "photo_inside"), text(h, "photo_child_sign"), lat, lon, acc);
    }

    /** The submission's root element, parsed with DOCTYPEs and external entities refused. */
    static Element parse(byte[] xml) {
        try {
            // The JDK's own parser, without newInstance()'s service lookup: in the packaged jar that scan of every
            // jar's META-INF/services cost a tenth of a submission's CPU (JFR, bench/README.md).
            var factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw bad("ไฟล์ข้อมูลไม่ใช่ XML ที่ถูกต้อง (xml_submission_file is not well-formed XML)");
        }
    }

    static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) return e;
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    /** The trimmed text of a child element, or null when absent or empty. */
    static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) return null;
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static LocalDate date(Element parent, String name) {
        String t = text(parent, name);
        try {
            return t == null ? null : LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw bad("วันที่ไม่ถูกต้อง (" + name + " is not a date yyyy-mm-dd)");
        }
    }

    /**
     * An XForms dateTime as ODK Collect writes a {@code jr:preload="timestamp"} ({@code 2026-11-26T10:15:30.123+07:00});
     * an offset of hours only is read too, and a time without an offset is taken as Thai time (the phones are in
     * Thailand).
     */
    static Instant timestamp(Element parent, String name) {
        String t = text(parent, name);
        return t == null ? null : timestamp(t, name);
    }

    /** {@link #timestamp(Element, String)} of a text; {@code name} is the field the error names. */
    static Instant timestamp(String t, String name) {
        Instant at;
        try {
            String iso = t.matches(".*T.*[+-]\\d{2}") ? t + ":00" : t;
            try {
                at = OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException noOffset) {
                at = LocalDateTime.parse(iso).atZone(ThaiDates.BANGKOK).toInstant();
            }
        } catch (java.time.DateTimeException e) { // unparsable, or beyond what an instant holds
            throw bad("เวลาในแบบฟอร์มไม่ถูกต้อง (" + name + " is not a date-time yyyy-mm-ddThh:mm:ss+07:00)");
        }
        // ISO years run to ±999,999,999; no phone's clock does, and such a year breaks every date printed from it.
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw bad("เวลาในแบบฟอร์มไม่ถูกต้อง (" + name + " is not a date-time between the years 1900 and 2199)");
        }
        return at;
    }

    private static final Instant EARLIEST = Instant.parse("1899-12-31T00:00:00Z"); // 1 Jan 1900 in any zone
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static Double number(Element parent, String name) {
        String t = text(parent, name);
        try {
            return t == null ? null : Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw bad("ตัวเลขไม่ถูกต้อง (" + name + " is not a number)");
        }
    }

    private static List<String> words(String s) {
        return s == null ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    private static OpenRosaProblem bad(String message) {
        return new OpenRosaProblem(400, message);
    }
}
