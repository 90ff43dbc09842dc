package org.tonkla.exchange.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tonkla.exchange.F43Imports;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;

/** The upload page for a health center's monthly 43-file zip ({@code /admin/**}: administrators) and its jobs. */
@Controller
class F43ImportPages {

    private final F43Imports imports;
    private final Users users;

    F43ImportPages(F43Imports imports, Users users) {
        this.imports = imports;
        this.users = users;
    }

    @GetMapping("/admin/imports/f43")
    String form(Model model) {
        model.addAttribute("jobs", imports.recent(20));
        return "exchange/f43-import";
    }

    @PostMapping("/admin/imports/f43")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) throw new InvalidInput("file", "a 43-file zip");
            UUID job = imports.submit(file.getOriginalFilename() == null ? "f43.zip" : file.getOriginalFilename(),
                    file.getBytes(), "f43:" + users.require().username());
            model.addAttribute("started", job);
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return form(model);
    }
}
