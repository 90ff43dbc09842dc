package org.tonkla.field.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A home visit from Tonkla's offline web form, queued on the phone and sent when the network returns. It becomes the
 * same home-visit instance an ODK Collect submission is, so the one intake decides (assignment, idempotency by the
 * instance id the phone made, consent): each visit is stored exactly once however often the phone sends it.
 *
 * @param photo the child's photo as a {@code data:image/jpeg;base64,…} URI, resized on the phone; optional
 * @param visitedAt when the visit was saved on the phone (ISO 8601, e.g. {@code 2026-11-26T03:15:30.123Z}): the
 *     instance's {@code end}, so a visit queued for days counts on its own day ({@link VisitTime}); optional
 */
public record OfflineVisit(String instanceId, String subdistrict, String houseNo, String outcome, boolean consent,
        String consentBy, String consentRelation, String consentOn, String givenName, String familyName, String sex,
        String dateOfBirth, String idType, String nationalId, String noIdReason, Double weightKg, Double heightCm,
        String latitude, String longitude, String photo, String visitedAt) {

    /**
     * The home-visit form's instance (the version the campaigns use). A {@code visitedAt} that is not a time is
     * refused here, naming this request's field rather than the form's {@code end} it becomes.
     */
    public byte[] instanceXml(String formId, String version) {
        if (visitedAt != null && !visitedAt.isBlank()) VisitFormReader.timestamp(visitedAt.strip(), "visitedAt");
        var x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data id=\"").append(e(formId))
                .append("\" version=\"").append(e(version)).append("\">")
                .append(visitedAt == null || visitedAt.isBlank() ? "" : "<end>" + e(visitedAt) + "</end>")
                .append("<visit><subdistrict>").append(e(subdistrict)).append("</subdistrict><house_no>").append(e(houseNo))
                .append("</house_no><outcome>").append(e(outcome)).append("</outcome></visit>")
                .append("<consent><given>").append(consent ? "yes" : "no").append("</given>");
        if (consent) {
            x.append("<by_name>").append(e(consentBy)).append("</by_name><relation>").append(e(consentRelation))
                    .append("</relation><on>").append(e(consentOn)).append("</on><purposes>household photos health</purposes>");
        }
        x.append("</consent>");
        if (consent && latitude != null && longitude != null) {
            x.append("<household><gps>").append(e(latitude)).append(' ').append(e(longitude)).append(" 0 0</gps></household>");
        }
        if ("visited".equals(outcome) && givenName != null && !givenName.isBlank()) {
            x.append("<child><given_name>").append(e(givenName)).append("</given_name><family_name>").append(e(familyName))
                    .append("</family_name><sex>").append(e(sex)).append("</sex><dob>").append(e(dateOfBirth))
                    .append("</dob><id_type>").append(e(idType)).append("</id_type><national_id>").append(e(nationalId))
                    .append("</national_id><no_id_reason>").append(e(noIdReason)).append("</no_id_reason>")
                    .append(photoBytes() == null ? "" : "<photo>child.jpg</photo>")
                    .append("<weight>").append(weightKg == null ? "" : weightKg).append("</weight><height>")
                    .append(heightCm == null ? "" : heightCm).append("</height></child>");
        }
        return x.append("<meta><instanceID>").append(e(instanceId)).append("</instanceID></meta></data>")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The photo's bytes, or null; a URI that is not base64 image data is refused as the intake refuses a bad file. */
    public byte[] photoBytes() {
        if (photo == null || photo.isBlank()) return null;
        int comma = photo.indexOf(',');
        try {
            return Base64.getDecoder().decode(comma < 0 ? photo : photo.substring(comma + 1));
        } catch (IllegalArgumentException ex) {
            throw new OpenRosaProblem(400, "รูปถ่ายไม่ถูกต้อง (photo is not base64 image data)");
        }
    }

    public List<SubmissionIntake.Part> parts() {
        byte[] bytes = photoBytes();
        return bytes == null ? List.of() : List.of(new SubmissionIntake.Part("child.jpg", bytes));
    }

    private static String e(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return "OfflineVisit[" + instanceId + "]"; // no name or identifier in logs
    }
}
