package org.tonkla.exchange.web.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.Screening;
import org.tonkla.registry.ChildId;

/**
 * Record-book entries as FHIR: each measured quantity of a growth measurement is an Observation (LOINC code,
 * UCUM unit) with its WHO z-scores as components; a DSPM screening is an Observation coded with its SPECIALPP
 * outcome and one component per domain; a vaccine dose is an Immunization coded with the THCC vaccine code.
 * Ids: a measurement's id with {@code -w} (weight), {@code -l} (length or height) or {@code -hc} (head
 * circumference); a screening's and a dose's id as they are (the change feed uses the same ids).
 */
final class ClinicalResources {

    private ClinicalResources() {}

    /** The per-domain SPECIALPP digit d of 1B2dX (THAI-RULES §2.1: 0=GM, 1=FM, 2=RL, 3=EL, 4=PS). */
    private static final Map<DspmDomain, Integer> DOMAIN_DIGIT = Map.of(DspmDomain.GM, 0, DspmDomain.FM, 1,
            DspmDomain.RL, 2, DspmDomain.EL, 3, DspmDomain.PS, 4);

    static List<Observation> observations(ChildId child, Measurement m) {
        List<Observation> out = new ArrayList<>();
        if (m.weightKg() != null) {
            Observation o = base(child, m, "-w", "29463-7", "Body weight", m.weightKg(), "kg");
            zscore(o, "wfa", "Weight-for-age z-score", m.zWfa());
            zscore(o, "wflh", "Weight-for-length/height z-score", m.zWflh());
            zscore(o, "bfa", "BMI-for-age z-score", m.zBfa());
            out.add(o);
        }
        if (m.lengthCm() != null) {
            boolean lying = "L".equals(m.position());
            Observation o = base(child, m, "-l", lying ? "8306-3" : "8302-2",
                    lying ? "Body height --lying" : "Body height", m.lengthCm(), "cm");
            zscore(o, "lhfa", "Length/height-for-age z-score", m.zLhfa());
            out.add(o);
        }
        if (m.headCm() != null) {
            Observation o = base(child, m, "-hc", "9843-4", "Head Occipital-frontal circumference", m.headCm(), "cm");
            zscore(o, "hcfa", "Head circumference-for-age z-score", m.zHcfa());
            out.add(o);
        }
        return out;
    }

    private static Observation base(ChildId child, Measurement m, String suffix, String loinc, String display,
            double value, String unit) {
        Observation o = new Observation();
        o.setId(m.id() + suffix);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")));
        o.setCode(new CodeableConcept(new Coding(FhirSystems.LOINC, loinc, display)).setText(display));
        o.setSubject(new Reference("Patient/" + child));
        o.setEffective(new DateTimeType(m.measuredOn().toString()));
        o.setValue(new Quantity().setValue(value).setUnit(unit).setSystem(FhirSystems.UCUM).setCode(unit));
        if (m.unitId() != null) o.addPerformer(new Reference("Organization/" + m.unitId()));
        return o;
    }

    private static void zscore(Observation o, String code, String display, Double z) {
        if (z == null) return;
        o.addComponent().setCode(new CodeableConcept(new Coding(FhirSystems.WHO_ZSCORE, code, display)).setText(display))
                .setValue(new Quantity().setValue(z).setUnit("SD").setSystem(FhirSystems.UCUM).setCode("{SD}"));
    }

    static Observation screening(ChildId child, Screening s) {
        Observation o = new Observation();
        o.setId(s.id().toString());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "survey", "Survey")));
        o.setCode(new CodeableConcept().setText("DSPM developmental screening (คัดกรองพัฒนาการ DSPM)"));
        o.setSubject(new Reference("Patient/" + child));
        o.setEffective(new DateTimeType(s.screenedOn().toString()));
        o.setValue(new CodeableConcept(new Coding(FhirSystems.SPECIAL_PP, s.outcomeCode(), null)));
        s.domains().forEach((domain, result) -> {
            String code = "1B2" + DOMAIN_DIGIT.get(domain) + switch (result) {
                case NORMAL -> "0";
                case SUSPECTED_DELAY -> "1";
                case REFER_NOW -> "2";
            };
            o.addComponent().setCode(new CodeableConcept().setText("DSPM " + domain.name()))
                    .setValue(new CodeableConcept(new Coding(FhirSystems.SPECIAL_PP, code, null)));
        });
        return o;
    }

    static Immunization immunization(ChildId child, org.tonkla.recordbook.Immunization dose) {
        Immunization i = new Immunization();
        i.setId(dose.id().toString());
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        i.setVaccineCode(new CodeableConcept(new Coding(FhirSystems.VACCINE, dose.vaccineCode(), null)));
        i.setPatient(new Reference("Patient/" + child));
        i.setOccurrence(new DateTimeType(dose.givenOn().toString()));
        if (dose.lot() != null && !dose.lot().isBlank()) i.setLotNumber(dose.lot());
        if (dose.unitId() != null) i.addPerformer().setActor(new Reference("Organization/" + dose.unitId()));
        return i;
    }
}
