package org.tonkla.exchange.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tonkla.exchange.F43Imports;
import org.tonkla.exchange.F43Report;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;

/**
 * {@code POST /api/v1/imports/f43} (multipart {@code file}, a health center's 43-file zip): 202 with the job
 * id at once; {@code GET /api/v1/imports/f43/{id}} the job's progress and report; {@code …/rejections.csv}
 * every rejected row. Administrators only: an import writes children of any unit its rows name.
 */
@RestController
@RequestMapping("/api/v1/imports/f43")
class F43ImportApi {

    private final F43Imports imports;
    private final Users users;

    F43ImportApi(F43Imports imports, Users users) {
        this.imports = imports;
        this.users = users;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, UUID>> submit(@RequestParam(name = "file", required = false) MultipartFile file) {
        String by = administrator();
        if (file == null || file.isEmpty()) throw new InvalidInput("file", "a 43-file zip");
        try {
            UUID job = imports.submit(file.getOriginalFilename() == null ? "f43.zip" : file.getOriginalFilename(),
                    file.getBytes(), by);
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/f43/" + job)).body(Map.of("jobId", job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    F43Report job(@PathVariable UUID id) {
        administrator();
        return imports.report(id).orElseThrow(() -> new NotFound("import job"));
    }

    @GetMapping("/{id}/rejections.csv")
    ResponseEntity<String> rejections(@PathVariable UUID id) {
        administrator();
        imports.report(id).orElseThrow(() -> new NotFound("import job"));
        // Set here, not as "produces": a client that asks for JSON still gets its 403/404 as problem+json.
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(imports.rejectionsCsv(id));
    }

    private String administrator() {
        var user = users.require();
        if (!user.is(Role.ADMINISTRATOR)) throw new Refused("exchange.import.administratorsOnly", "only administrators import 43-file zips");
        return "f43:" + user.username();
    }
}
