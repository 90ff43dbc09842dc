package org.tonkla.directory.web;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.directory.Agency;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;

/** Administrators extend the reference data: agencies and service units ({@code /admin/**}). */
@Controller
class AdminDirectoryPages {

    private final Directory directory;

    AdminDirectoryPages(Directory directory) {
        this.directory = directory;
    }

    record AgencyForm(String code, String parentCode, String kind, String nameTh, String nameEn) {}

    record UnitForm(ServiceUnitType type, String nameTh, String nameEn, String agencyCode, String subdistrictCode,
            Double latitude, Double longitude, String hospcode, String schoolCode) {}

    @GetMapping("/admin/agencies")
    String agencies(Model model) {
        model.addAttribute("agencies", directory.agencies());
        return "directory/admin-agencies";
    }

    @PostMapping("/admin/agencies")
    String addAgency(AgencyForm form, Model model, RedirectAttributes redirect) {
        String error = null;
        if (form.code() == null || !form.code().matches("[A-Z0-9-]{2,20}")) error = "agency.code";
        else if (blank(form.nameTh()) || blank(form.nameEn())) error = "agency.name";
        else if (!blank(form.parentCode()) && directory.agency(form.parentCode()).isEmpty()) error = "agency.parent";
        else if (directory.agency(form.code()).isPresent()) error = "agency.taken";
        if (error != null) {
            model.addAttribute("agencies", directory.agencies());
            model.addAttribute("errorField", error);
            model.addAttribute("form", form);
            return "directory/admin-agencies";
        }
        String kind = blank(form.parentCode()) ? "ORGANIZATION" : "DEPARTMENT";
        directory.addAgency(new Agency(form.code(), blank(form.parentCode()) ? null : form.parentCode(), kind,
                form.nameTh().trim(), form.nameEn().trim(), false));
        redirect.addFlashAttribute("saved", form.code());
        return "redirect:/admin/agencies";
    }

    @GetMapping("/admin/units/new")
    String newUnit(Model model) {
        model.addAttribute("types", ServiceUnitType.values());
        model.addAttribute("agencies", directory.agencies());
        return "directory/admin-unit";
    }

    @PostMapping("/admin/units")
    String addUnit(UnitForm form, Model model) {
        String error = null;
        if (form.type() == null) error = "unit.type";
        else if (blank(form.nameTh())) error = "unit.nameTh";
        else if (blank(form.agencyCode()) || directory.agency(form.agencyCode()).isEmpty()) error = "unit.agency";
        else if (blank(form.subdistrictCode()) || directory.area(form.subdistrictCode().trim())
                .filter(a -> a.level() == AreaLevel.SUBDISTRICT).isEmpty()) error = "unit.subdistrict";
        else if (!blank(form.hospcode()) && !form.hospcode().trim().matches("\\d{5}")) error = "unit.hospcode";
        else if (!blank(form.schoolCode()) && !form.schoolCode().trim().matches("\\d{8,10}")) error = "unit.schoolCode";
        if (error == null) {
            try {
                var id = directory.addServiceUnit(new ServiceUnit(null, form.type(), form.nameTh().trim(),
                        blank(form.nameEn()) ? null : form.nameEn().trim(), form.agencyCode(), form.subdistrictCode().trim(),
                        null, form.latitude(), form.longitude(), blank(form.hospcode()) ? null : form.hospcode().trim(),
                        blank(form.schoolCode()) ? null : form.schoolCode().trim()));
                return "redirect:/units/" + id;
            } catch (DataIntegrityViolationException e) {
                error = "unit.duplicateCode";
            }
        }
        model.addAttribute("types", ServiceUnitType.values());
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("errorField", error);
        model.addAttribute("form", form);
        return "directory/admin-unit";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
