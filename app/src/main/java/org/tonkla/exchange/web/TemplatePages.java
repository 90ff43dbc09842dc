package org.tonkla.exchange.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
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
import org.tonkla.directory.Directory;
import org.tonkla.exchange.TemplateImports;
import org.tonkla.exchange.TemplateKind;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.registry.ChildAccess;

/**
 * The templates of centers and schools: the empty Excel and CSV files for anyone signed in (they hold no
 * data), and the upload page of a unit for those who record children there (issue 14 §5).
 */
@Controller
class TemplatePages {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TemplateImports templates;
    private final ChildAccess access;
    private final Directory directory;
    private final Users users;

    TemplatePages(TemplateImports templates, ChildAccess access, Directory directory, Users users) {
        this.templates = templates;
        this.access = access;
        this.directory = directory;
        this.users = users;
    }

    @GetMapping("/imports/templates/{kind}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String kind) {
        TemplateKind k = kind(kind);
        return file(templates.workbook(k), "tonkla-" + k.slug() + ".xlsx", XLSX);
    }

    @GetMapping("/imports/templates/{kind}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String kind) {
        TemplateKind k = kind(kind);
        return file(templates.csv(k), "tonkla-" + k.slug() + ".csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @GetMapping("/units/{unitId}/imports/templates")
    String form(@PathVariable UUID unitId, Model model) {
        access.requireRecorderAt(users.require(), unitId);
        return page(unitId, TemplateKind.CHILDREN, model);
    }

    @PostMapping("/units/{unitId}/imports/templates")
    String upload(@PathVariable UUID unitId, @RequestParam(defaultValue = "children") String kind,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        var user = users.require();
        access.requireRecorderAt(user, unitId);
        TemplateKind k = kind(kind);
        try {
            if (file == null || file.isEmpty()) throw new InvalidInput("file", "a filled-in template (.xlsx or .csv)");
            model.addAttribute("report", templates.load(k, file.getBytes(), unitId, user));
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page(unitId, k, model);
    }

    private String page(UUID unitId, TemplateKind kind, Model model) {
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow(() -> new NotFound("unit")));
        model.addAttribute("kinds", TemplateKind.values());
        model.addAttribute("kind", kind);
        return "exchange/templates";
    }

    private static TemplateKind kind(String slug) {
        return TemplateKind.ofSlug(slug).orElseThrow(() -> new NotFound("template " + slug));
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
