package org.tonkla.exchange.web.fhir;

/**
 * The identifier and code systems Tonkla's FHIR API states (also in the CapabilityStatement and the README).
 * Thai systems are those of the Thai terminology IG (sil-th/terminology-ig, THAI-RULES §2.1, §3, §4); where no
 * published system exists (the G-code, DOPA area codes, WHO z-scores) Tonkla names its own with a {@code urn:tonkla:}.
 */
public final class FhirSystems {

    private FhirSystems() {}

    /** Thai 13-digit citizen ID (THAI-RULES §4), as the Thai IGs name it. */
    public static final String NATIONAL_ID = "https://terms.sil-th.org/id/th-cid";
    /** G-code of a pupil without civil registration (G + 12 digits, THAI-RULES §4): no published system. */
    public static final String G_CODE = "urn:tonkla:id:moe-g-code";
    /** MOPH 5-digit health-facility code (HOSPCODE). */
    public static final String HOSPCODE = "https://terms.sil-th.org/id/th-moph-hcode";
    /** DOPA administrative area code (2-digit province, 4-digit district, 6-digit subdistrict; THAI-RULES §5). */
    public static final String AREA = "urn:tonkla:id:dopa-area";
    /** THCC vaccine codes, code set 198 ({@code EPI.VACCINETYPE}, THAI-RULES §3). */
    public static final String VACCINE = "https://terms.sil-th.org/CodeSystem/cs-thcc-vaccine-code";
    /** THCC special PP services, code set 205: DSPM results 1B260–1B262 and per domain 1B2d0–1B2d2 (THAI-RULES §2.1). */
    public static final String SPECIAL_PP = "https://terms.sil-th.org/CodeSystem/cs-thcc-special-pp-service";
    /** WHO Child Growth Standards z-scores as Tonkla computes them (core): no published code system. */
    public static final String WHO_ZSCORE = "urn:tonkla:CodeSystem:who-growth-zscore";
    /** Tonkla's referral need types (referral.NeedTypes): no published code system. */
    public static final String REFERRAL_NEED = "urn:tonkla:CodeSystem:referral-need";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
}
