package org.tonkla.exchange.web.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildFile;
import org.tonkla.registry.Enrolment;
import org.tonkla.registry.Guardian;
import org.tonkla.registry.Sex;

/** A child as a FHIR Patient and the child's guardians as RelatedPersons, from a file the user was allowed to open. */
final class PersonResources {

    private PersonResources() {}

    /** The v3 RoleCode of the relationships the registry's form offers (registry bundle guardian.relationships). */
    private static final Map<String, String> ROLES = Map.ofEntries(Map.entry("มารดา", "MTH"), Map.entry("บิดา", "FTH"),
            Map.entry("ยาย", "GRMTH"), Map.entry("ย่า", "GRMTH"), Map.entry("ตา", "GRFTH"), Map.entry("ปู่", "GRFTH"),
            Map.entry("ป้า", "AUNT"), Map.entry("น้า", "AUNT"), Map.entry("อา", "AUNT"), Map.entry("ลุง", "UNCLE"),
            Map.entry("พี่", "SIB"), Map.entry("ผู้ดูแล", "GUARD"));

    /**
     * The Patient. The national ID is there only when the user's role sees it in full (ChildAccess decides); a
     * G-code only when the caller searched by it (the registry hands out no full G-code, and the caller knew it).
     */
    static Patient patient(ChildFile file, Optional<String> knownGCode, Optional<Instant> lastUpdated, LocalDate today) {
        Child child = file.child();
        Patient p = new Patient();
        p.setId(child.id().toString());
        lastUpdated.ifPresent(at -> p.getMeta().setLastUpdated(Date.from(at)));
        file.fullIdentifier().ifPresent(formatted -> p.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(FhirSystems.NATIONAL_ID).setValue(formatted.replaceAll("\\D", ""))));
        knownGCode.filter(g -> child.identifierType() == Child.IdentifierType.G_CODE)
                .ifPresent(g -> p.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                        .setSystem(FhirSystems.G_CODE).setValue(g)));
        p.setActive(true);
        p.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(child.familyNameTh())
                .addGiven(child.givenNameTh()).setText(child.fullNameTh()));
        if (child.givenNameEn() != null && !child.givenNameEn().isBlank()) {
            HumanName en = new HumanName().setUse(HumanName.NameUse.USUAL).addGiven(child.givenNameEn());
            if (child.familyNameEn() != null && !child.familyNameEn().isBlank()) en.setFamily(child.familyNameEn());
            p.addName(en);
        }
        p.setGender(child.sex() == Sex.M ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType(child.dateOfBirth().toString()));
        file.enrolments().stream().filter(e -> e.activeOn(today)).map(Enrolment::unitId).findFirst()
                .ifPresent(unit -> p.setManagingOrganization(new Reference("Organization/" + unit)));
        for (Guardian g : file.guardians()) {
            p.addLink().setType(Patient.LinkType.SEEALSO).setOther(new Reference("RelatedPerson/" + g.id()));
        }
        return p;
    }

    static RelatedPerson relatedPerson(ChildFile file, Guardian g) {
        RelatedPerson r = new RelatedPerson();
        r.setId(g.id().toString());
        r.setActive(true);
        r.setPatient(new Reference("Patient/" + file.child().id()));
        CodeableConcept relationship = new CodeableConcept().setText(g.relationship());
        String role = ROLES.get(g.relationship() == null ? "" : g.relationship().strip());
        if (role != null) relationship.addCoding(new Coding(FhirSystems.ROLE_CODE, role, null));
        r.addRelationship(relationship);
        r.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(g.familyNameTh()).addGiven(g.givenNameTh()));
        if (g.phone() != null && !g.phone().isBlank()) {
            r.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(g.phone()));
        }
        return r;
    }
}
