package org.tonkla.directory;

/**
 * The finer kind of a health unit, from its MOPH facility type (HDC {@code chostype} code, see
 * {@code reference/health-units/type-codes.csv}), and the {@link ServiceUnitType} it counts as.
 */
public enum HealthUnitKind {
    /** โรงพยาบาลส่งเสริมสุขภาพตำบล, formerly สถานีอนามัย (HDC 03 and 18). */
    RPST(ServiceUnitType.HEALTH_CENTER),
    /** สถานบริการสาธารณสุขชุมชน (04). */
    COMMUNITY_HEALTH_POST(ServiceUnitType.HEALTH_CENTER),
    /** ศูนย์สุขภาพชุมชน of a hospital, of MOPH or outside MOPH (08, 09, 14). */
    PCU(ServiceUnitType.HEALTH_CENTER),
    /** ศูนย์บริการสาธารณสุข (13). */
    PUBLIC_HEALTH_CENTER(ServiceUnitType.HEALTH_CENTER),
    /** Bangkok's ศูนย์บริการสาธารณสุข 1–68 of the BMA Health Department. */
    BMA_HEALTH_CENTER(ServiceUnitType.HEALTH_CENTER),
    /** โรงพยาบาลศูนย์ (05). */
    REGIONAL_HOSPITAL(ServiceUnitType.HOSPITAL),
    /** โรงพยาบาลทั่วไป (06). */
    GENERAL_HOSPITAL(ServiceUnitType.HOSPITAL),
    /** โรงพยาบาลชุมชน (07). */
    COMMUNITY_HOSPITAL(ServiceUnitType.HOSPITAL),
    /** Hospitals of other MOPH departments and outside MOPH: university, military, police, BMA (11, 12). */
    OTHER_PUBLIC_HOSPITAL(ServiceUnitType.HOSPITAL),
    PRIVATE_HOSPITAL(ServiceUnitType.HOSPITAL),
    /** โรงพยาบาล/ศูนย์บริการสาธารณสุข สาขา (17). */
    HOSPITAL_BRANCH(ServiceUnitType.HOSPITAL),
    /** สำนักงานสาธารณสุขจังหวัด (01). */
    PROVINCIAL_HEALTH_OFFICE(ServiceUnitType.HEALTH_OFFICE),
    /** สำนักงานสาธารณสุขอำเภอ (02). */
    DISTRICT_HEALTH_OFFICE(ServiceUnitType.HEALTH_OFFICE),
    /** ศูนย์วิชาการ (10). */
    ACADEMIC_CENTER(ServiceUnitType.OTHER_HEALTH_UNIT),
    /** Private clinics (16) and the undocumented type 20, which reads as private practices. */
    CLINIC(ServiceUnitType.OTHER_HEALTH_UNIT),
    /** No type or an undocumented one. */
    OTHER(ServiceUnitType.OTHER_HEALTH_UNIT);

    private final ServiceUnitType unitType;

    HealthUnitKind(ServiceUnitType unitType) {
        this.unitType = unitType;
    }

    public ServiceUnitType unitType() {
        return unitType;
    }

    public String messageKey() {
        return "healthKind." + name();
    }
}
