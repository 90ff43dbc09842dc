package org.tonkla.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.BulkCopy;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.registry.internal.Identifiers;
import org.tonkla.registry.internal.NameKeys;

/**
 * Bulk registration for imports and the synthetic population: many children with their households,
 * guardians and enrolments in one {@code COPY} per table. It is for system processes that have
 * already decided what may be loaded (an administrator's import, {@code ./tonkla generate}); it
 * checks each row's identifier like a registration does, writes one audit entry per batch, and
 * skips children already there (same id or national ID), so a batch can be run again.
 */
@Component
public class ChildImports {

    /** A child to import; {@code id} should be stable across runs so that a rerun skips it. */
    public record ImportedChild(ChildId id, String givenNameTh, String familyNameTh, Sex sex, LocalDate dateOfBirth,
            String nationalId, String subdistrictCode, String houseNo, Double latitude, Double longitude,
            List<ImportedGuardian> guardians, List<ImportedEnrolment> enrolments) {}

    /** A guardian of an imported child; {@code userId} links a Tonkla guardian account, if any. */
    public record ImportedGuardian(UUID id, String givenNameTh, String familyNameTh, String relationship, String phone,
            UUID userId) {}

    /** A period at a service unit; {@code endedOn} null while it lasts. */
    public record ImportedEnrolment(UUID unitId, EnrolmentKind kind, String className, LocalDate startedOn,
            LocalDate endedOn) {}

    private final BulkCopy bulk;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;

    ChildImports(BulkCopy bulk, org.springframework.jdbc.core.simple.JdbcClient jdbc, PersonalDataCipher cipher,
            AuditTrail audit) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    /**
     * Imports one batch in one transaction.
     *
     * @return the number of children newly inserted (children already present are skipped)
     * @throws IllegalArgumentException naming the row (0-based in the batch) and field that is wrong;
     *     nothing of the batch is written then
     */
    @Transactional
    public long importChildren(List<ImportedChild> batch, String importedBy) {
        // Check every row first (nothing is written if one is wrong), then leave out the children already
        // registered (same id: a rerun; same national ID: another record of this child) with everything
        // that comes with them, so no household or guardian is left without its child.
        // The per-row work (checks, keyed hash, encryption, Thai name keys) stands alone: on every core.
        List<Prepared> prepared = java.util.stream.IntStream.range(0, batch.size()).parallel()
                .mapToObj(row -> prepare(batch.get(row))).toList();
        List<byte[]> hashes = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            if (prepared.get(row).error() != null) throw new IllegalArgumentException("row " + row + ": " + prepared.get(row).error());
            hashes.add(prepared.get(row).hash());
        }
        var known = new java.util.HashSet<String>(jdbc.sql("""
                SELECT id::text FROM child WHERE id = ANY(:ids)
                UNION ALL SELECT encode(national_id_hash, 'hex') FROM child WHERE national_id_hash = ANY(:hashes)""")
                .param("ids", batch.stream().map(c -> c.id().value()).toArray(UUID[]::new))
                .param("hashes", hashes.toArray(byte[][]::new))
                .query(String.class).list());

        List<Object[]> households = new ArrayList<>(batch.size());
        List<Object[]> children = new ArrayList<>(batch.size());
        List<Object[]> guardians = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> enrolments = new ArrayList<>();
        for (int row = 0; row < batch.size(); row++) {
            ImportedChild c = batch.get(row);
            Prepared p = prepared.get(row);
            byte[] hash = p.hash();
            if (known.contains(c.id().toString()) || !known.add(java.util.HexFormat.of().formatHex(hash))) continue;
            String digits = p.digits();
            String province = c.subdistrictCode().substring(0, 2);
            UUID household = UUID.nameUUIDFromBytes(("household:" + c.id()).getBytes());
            households.add(new Object[] {household, c.subdistrictCode(), province, c.houseNo(), c.latitude(), c.longitude()});
            var keys = p.keys();
            children.add(new Object[] {c.id().value(), c.givenNameTh().trim(), c.familyNameTh().trim(), c.sex().name(),
                    c.dateOfBirth(), "THA", "NATIONAL_ID", hash, p.cipher(),
                    digits.substring(9), household, province, keys.lk82(), keys.udom83(), keys.metaSound(), importedBy});
            for (ImportedGuardian g : c.guardians()) {
                guardians.add(new Object[] {g.id(), g.givenNameTh(), g.familyNameTh(), g.phone(), g.userId(), province});
                links.add(new Object[] {c.id().value(), g.id(), g.relationship(), province});
            }
            int n = 0;
            for (ImportedEnrolment e : c.enrolments()) {
                enrolments.add(new Object[] {UUID.nameUUIDFromBytes(("enrolment:" + c.id() + ":" + n++).getBytes()),
                        c.id().value(), e.unitId(), e.kind().name(), e.className(), e.startedOn(), e.endedOn(),
                        e.endedOn() == null ? null : "TRANSFER", province, importedBy});
            }
        }
        bulk.copyNew("household", List.of("id", "subdistrict_code", "province_code", "house_no", "latitude", "longitude"),
                households);
        long inserted = bulk.copyNew("child", List.of("id", "given_name_th", "family_name_th", "sex", "date_of_birth",
                "nationality", "identifier_type", "national_id_hash", "national_id_cipher", "national_id_last4",
                "household_id", "province_code", "name_key_lk82", "name_key_udom83", "name_key_metasound", "created_by"),
                children);
        bulk.copyNew("guardian", List.of("id", "given_name_th", "family_name_th", "phone", "user_id", "province_code"),
                guardians);
        bulk.copyNew("child_guardian", List.of("child_id", "guardian_id", "relationship", "province_code"), links);
        bulk.copyNew("enrolment", List.of("id", "child_id", "unit_id", "kind", "class_name", "started_on", "ended_on",
                "end_reason", "province_code", "created_by"), enrolments);
        audit.record("IMPORT", "child", null, inserted + " of " + batch.size() + " children imported by " + importedBy);
        return inserted;
    }

    /** One row checked, with what its insert needs; {@code error} names the wrong field instead. */
    private record Prepared(String digits, byte[] hash, byte[] cipher, NameKeys keys, String error) {

        static Prepared wrong(String field) {
            return new Prepared(null, null, null, null, field);
        }
    }

    private Prepared prepare(ImportedChild c) {
        if (c.givenNameTh() == null || c.givenNameTh().isBlank()) return Prepared.wrong("givenNameTh");
        if (c.familyNameTh() == null || c.familyNameTh().isBlank()) return Prepared.wrong("familyNameTh");
        if (c.sex() == null) return Prepared.wrong("sex");
        if (c.dateOfBirth() == null) return Prepared.wrong("dateOfBirth");
        if (c.subdistrictCode() == null || !c.subdistrictCode().matches("\\d{6}")) return Prepared.wrong("subdistrictCode");
        String digits;
        try {
            digits = ((Identifiers.National) Identifiers.parse(c.nationalId(), null, null)).digits();
        } catch (RuntimeException e) { // not a valid national ID (InvalidInput), or another kind of identifier
            return Prepared.wrong("nationalId");
        }
        return new Prepared(digits, cipher.lookupHash(digits), cipher.encrypt(digits),
                NameKeys.of(c.givenNameTh(), c.familyNameTh()), null);
    }

    /** Whether a child with this id is registered: lets a long import skip the batches an earlier run finished. */
    public boolean present(ChildId id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM child WHERE id = :id)").param("id", id.value())
                .query(Boolean.class).single();
    }
}
