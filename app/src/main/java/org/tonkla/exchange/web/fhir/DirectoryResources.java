package org.tonkla.exchange.web.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.tonkla.directory.Area;
import org.tonkla.directory.ServiceUnit;

/** Service units as Organizations (HOSPCODE identifier for health units) and administrative areas as Locations. */
final class DirectoryResources {

    private DirectoryResources() {}

    static Organization organization(ServiceUnit unit) {
        Organization o = new Organization();
        o.setId(unit.id().toString());
        if (unit.hospcode() != null && !unit.hospcode().isBlank()) {
            o.addIdentifier(new Identifier().setSystem(FhirSystems.HOSPCODE).setValue(unit.hospcode()));
        }
        o.setActive(unit.acceptsNewRecords());
        o.addType(new CodeableConcept().setText(unit.type().name()));
        o.setName(unit.nameTh());
        if (unit.nameEn() != null && !unit.nameEn().isBlank()) o.addAlias(unit.nameEn());
        if (unit.areaCode() != null) {
            o.addAddress().setDistrict(unit.districtCode()).setState(unit.provinceCode()).setCountry("TH")
                    .setText(unit.areaCode());
        }
        return o;
    }

    static Location location(Area area) {
        Location l = new Location();
        l.setId(area.code());
        l.addIdentifier(new Identifier().setSystem(FhirSystems.AREA).setValue(area.code()));
        l.setStatus(Location.LocationStatus.ACTIVE);
        l.setMode(Location.LocationMode.INSTANCE);
        l.setName(area.nameTh());
        if (area.nameEn() != null && !area.nameEn().isBlank()) l.addAlias(area.nameEn());
        l.setDescription(area.level().name());
        if (area.parentCode() != null) l.setPartOf(new Reference("Location/" + area.parentCode()));
        return l;
    }
}
