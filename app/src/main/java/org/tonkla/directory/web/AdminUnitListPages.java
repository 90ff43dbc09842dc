package org.tonkla.directory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.directory.UnitOwners;
import org.tonkla.directory.internal.UnitLists;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;

/**
 * Administrators keep the units current ({@code /admin/**}): upload a list (the MOPH registry's
 * health_office.csv, Tonkla's list or the centers and schools template), see what it would change,
 * apply it; and record that a unit has a new owner from a date.
 */
@Controller
class AdminUnitListPages {

    static final String TEMPLATE = """
            unit_type,name_th,name_en,agency_code,official_code,subdistrict_code,status,closed_on
            EARLY_CHILDHOOD_CENTER,ศูนย์พัฒนาเด็กเล็กตัวอย่าง,Example Child Development Center,DLA,,400101,active,
            KINDERGARTEN,โรงเรียนอนุบาลตัวอย่าง,Anuban Example School,OBEC,1040010001,400101,active,
            """;

    private final UnitLists lists;
    private final UnitOwners owners;
    private final Users users;

    AdminUnitListPages(UnitLists lists, UnitOwners owners, Users users) {
        this.lists = lists;
        this.owners = owners;
        this.users = users;
    }

    @GetMapping("/admin/units/import")
    String form(Model model) {
        model.addAttribute("imports", lists.recent(20));
        return "directory/admin-unit-import";
    }

    @GetMapping("/admin/units/import/template.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"service-units-template.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/units/import")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String by = users.require().username();
        model.addAttribute("imports", lists.recent(20));
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", java.util.List.of(new InvalidInput.FieldError("file", "a CSV file")));
            return "directory/admin-unit-import";
        }
        try {
            model.addAttribute("preview", lists.preview(file.getOriginalFilename(), file.getBytes(), by));
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("errors", e.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "directory/admin-unit-import";
    }

    @PostMapping("/admin/units/import/{id}/apply")
    String apply(@PathVariable UUID id, RedirectAttributes redirect) {
        var done = lists.apply(id, users.require().username());
        redirect.addFlashAttribute("applied", done.fileName() + ": " + done.summary());
        return "redirect:/admin/units/import";
    }

    @PostMapping("/admin/units/{id}/owner")
    String changeOwner(@PathVariable UUID id, @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate since, RedirectAttributes redirect) {
        owners.change(id, agencyCode, since, users.require().username(), null);
        redirect.addFlashAttribute("ownerSaved", agencyCode + " " + since);
        return "redirect:/units/" + id;
    }
}
