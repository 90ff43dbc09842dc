package org.tonkla.field;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.platform.BulkCopy;
import org.tonkla.platform.FileStore;

/**
 * Bulk loading of a campaign and its household visits for the synthetic population ({@code ./tonkla generate --pilot}):
 * one {@code COPY} per table and batch, as the registry's and record book's imports do. It is for a system process that
 * has already decided what may be loaded; ids are the caller's, so a batch run again adds nothing twice.
 */
@Component
public class FieldImports {

    /** A campaign over {@code areaCodes} (districts or subdistricts of one province) with the current form. */
    public record ImportedCampaign(UUID id, String name, String provinceCode, List<String> areaCodes, LocalDate startsOn,
            LocalDate endsOn, UUID registeringUnitId, String createdBy) {}

    /** A photo already in the file store: the cleaned photo and its thumbnail (null: made when first shown). */
    public record Photo(String fileName, String sha256, String thumbnailSha256, long size) {}

    /**
     * A household visit of one surveyor; {@code outcome} VISITED, NOT_FOUND, REFUSED or MOVED. A visited household with
     * consent has its members' income and two photos of the home; {@code childId} is the registry's child found there.
     */
    public record ImportedVisit(UUID id, UUID campaignId, String provinceCode, UUID surveyorId, LocalDate visitedOn,
            String subdistrictCode, String houseNo, String outcome, boolean consent, int members, int incomeTotal,
            Photo outside, Photo inside, UUID childId, Photo childPhoto) {}

    private final JdbcClient jdbc;
    private final BulkCopy bulk;
    private final FileStore files;

    FieldImports(JdbcClient jdbc, BulkCopy bulk, FileStore files) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.files = files;
    }

    /** Opens the campaign (kept as it is when it exists) and assigns each surveyor its subdistricts. */
    @Transactional
    public void campaign(ImportedCampaign c, List<Campaigns.Assignment> assignments) {
        jdbc.sql("""
                INSERT INTO field_campaign (id, name, province_code, starts_on, ends_on, form_id, form_version,
                  registering_unit_id, created_by) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING""")
                .params(c.id(), c.name(), c.provinceCode(), java.sql.Date.valueOf(c.startsOn()), java.sql.Date.valueOf(c.endsOn()),
                        FieldForms.HOME_VISIT, FieldForms.HOME_VISIT_VERSION, c.registeringUnitId(), c.createdBy())
                .update();
        List<Object[]> areas = c.areaCodes().stream().map(a -> new Object[] {c.id(), a}).toList();
        bulk.copyNew("field_campaign_area", List.of("campaign_id", "area_code"), areas);
        List<Object[]> rows = new ArrayList<>();
        for (var a : assignments) {
            for (String s : a.subdistrictCodes()) {
                rows.add(new Object[] {UUID.nameUUIDFromBytes(("assignment:" + c.id() + a.surveyorId() + s).getBytes()),
                        c.id(), a.surveyorId(), s});
            }
        }
        bulk.copyNew("field_assignment", List.of("id", "campaign_id", "surveyor_id", "subdistrict_code"), rows);
    }

    /** Stores a photo as an OpenRosa submission's photo is stored: cleaned, scaled, with a thumbnail if decoded. */
    public Photo photo(String fileName, byte[] jpeg) {
        var pair = files.storePhoto(fileName, jpeg, 8L * 1024 * 1024, 1600, 240);
        return new Photo(fileName, pair.photo().sha256(), pair.thumbnail() == null ? null : pair.thumbnail().sha256(),
                pair.photo().size());
    }

    /** Writes one batch of visits with their submissions, attachments and children; returns the visits inserted. */
    @Transactional
    public long importVisits(List<ImportedVisit> visits) {
        List<Object[]> submissions = new ArrayList<>(visits.size());
        List<Object[]> attachments = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(visits.size());
        List<Object[]> children = new ArrayList<>();
        for (ImportedVisit v : visits) {
            UUID submission = UUID.nameUUIDFromBytes(("submission:" + v.id()).getBytes());
            String instance = "uuid:" + v.id();
            boolean household = v.consent() && "VISITED".equals(v.outcome());
            String xml = xml(instance, v, household);
            submissions.add(new Object[] {submission, instance, v.campaignId(), FieldForms.HOME_VISIT,
                    FieldForms.HOME_VISIT_VERSION, v.surveyorId(), xml, sha256(xml), true, v.visitedOn(), v.visitedOn()});
            List<Photo> photos = new ArrayList<>();
            if (household && v.outside() != null) photos.add(v.outside());
            if (household && v.inside() != null) photos.add(v.inside());
            if (household && v.childPhoto() != null) photos.add(new Photo("child.jpg", v.childPhoto().sha256(),
                    v.childPhoto().thumbnailSha256(), v.childPhoto().size()));
            for (Photo p : photos) {
                attachments.add(new Object[] {submission, p.fileName(), p.sha256(), p.thumbnailSha256(), "image/jpeg", p.size()});
            }
            String members = household ? "[{\"relation\":\"head\",\"income\":" + v.incomeTotal() + "}"
                    + ",{\"relation\":\"member\",\"income\":0}".repeat(Math.max(0, v.members() - 1)) + "]" : null;
            rows.add(new Object[] {v.id(), submission, v.campaignId(), v.surveyorId(), v.visitedOn(), v.subdistrictCode(),
                    v.provinceCode(), v.houseNo(), v.outcome(), "VISITED".equals(v.outcome()) ? v.consent() : null,
                    household ? "{" + String.join(",", List.of("health", "household", "photos")) + "}" : "{}",
                    household ? v.members() : null, household ? v.incomeTotal() : null,
                    household ? Math.round(100.0 * v.incomeTotal() / v.members()) / 100.0 : null, members,
                    household && v.outside() != null ? v.outside().sha256() : null,
                    household && v.inside() != null ? v.inside().sha256() : null});
            if ("VISITED".equals(v.outcome()) && v.childId() != null) {
                children.add(new Object[] {UUID.nameUUIDFromBytes(("visit-child:" + v.id()).getBytes()), v.id(), 0, v.childId(),
                        "MATCHED", "NATIONAL_ID", household && v.childPhoto() != null ? v.childPhoto().sha256() : null,
                        household && v.childPhoto() != null ? v.childPhoto().thumbnailSha256() : null, v.provinceCode()});
            }
        }
        bulk.copyNew("field_submission", List.of("id", "instance_id", "campaign_id", "form_id", "form_version", "surveyor_id",
                "xml", "xml_sha256", "complete", "received_at", "processed_at"), submissions);
        bulk.copyNew("field_attachment", List.of("submission_id", "file_name", "sha256", "thumbnail_sha256", "content_type",
                "size_bytes"), attachments);
        long inserted = bulk.copyNew("field_visit", List.of("id", "submission_id", "campaign_id", "surveyor_id", "visited_on",
                "subdistrict_code", "province_code", "house_no", "outcome", "consent_given", "consent_purposes",
                "member_count", "income_total", "income_per_member", "members", "photo_outside", "photo_inside"), rows);
        bulk.copyNew("field_visit_child", List.of("id", "visit_id", "position", "child_id", "match", "identifier_type",
                "photo_sha256", "thumbnail_sha256", "province_code"), children);
        return inserted;
    }

    /** The instance XML as ODK Collect would have sent it, so that a generated visit reads like a received one. */
    private static String xml(String instance, ImportedVisit v, boolean household) {
        return "<data id=\"" + FieldForms.HOME_VISIT + "\" version=\"" + FieldForms.HOME_VISIT_VERSION + "\">"
                + "<visit><subdistrict>" + v.subdistrictCode() + "</subdistrict><house_no>" + v.houseNo()
                + "</house_no><outcome>" + v.outcome().toLowerCase() + "</outcome></visit>"
                + "<consent><given>" + (household ? "yes" : "no") + "</given></consent>"
                + (household ? "<household><photo_outside>outside.jpg</photo_outside><photo_inside>inside.jpg</photo_inside></household>" : "")
                + "<meta><instanceID>" + instance + "</instanceID></meta></data>";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
