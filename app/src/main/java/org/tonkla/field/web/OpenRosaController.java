package org.tonkla.field.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tonkla.field.Campaigns;
import org.tonkla.field.FieldForms;
import org.tonkla.field.internal.OpenRosaProblem;
import org.tonkla.field.internal.SubmissionIntake;
import org.tonkla.field.internal.VisitRecorder;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.DomainProblem;

/**
 * The OpenRosa server ODK Collect talks to (server URL {@code http://host:port/openrosa}): the form list (only the
 * forms of the surveyor's open campaigns), the form and its manifest, and submissions. Authentication is HTTP Basic
 * with the Tonkla account, on a stateless filter chain of its own (no session, no CSRF: see identity's security
 * configuration).
 *
 * <p>Links in the form list are absolute, as ODK Collect needs them, and built from the request: they go back only to
 * the authenticated client that asked.
 */
@RestController
@RequestMapping("/openrosa")
class OpenRosaController {

    private final Campaigns campaigns;
    private final FieldForms forms;
    private final SubmissionIntake intake;
    private final VisitRecorder visits;
    private final Users users;

    OpenRosaController(Campaigns campaigns, FieldForms forms, SubmissionIntake intake, VisitRecorder visits, Users users) {
        this.campaigns = campaigns;
        this.forms = forms;
        this.intake = intake;
        this.visits = visits;
        this.users = users;
    }

    @GetMapping("/formList")
    ResponseEntity<String> formList() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return OpenRosaXml.answer(200).body(OpenRosaXml.formList(formsOf(users.require()), base));
    }

    @GetMapping("/forms/{formId}/{version}/form.xml")
    ResponseEntity<byte[]> form(@PathVariable String formId, @PathVariable String version) {
        return OpenRosaXml.answer(200).body(assigned(formId, version).xml());
    }

    @GetMapping("/forms/{formId}/{version}/manifest")
    ResponseEntity<String> manifest(@PathVariable String formId, @PathVariable String version) {
        assigned(formId, version);
        return OpenRosaXml.answer(200).body(OpenRosaXml.manifest());
    }

    /** The pre-flight ODK Collect sends before a submission: 204 with the size one POST may have. */
    @RequestMapping(path = "/submission", method = RequestMethod.HEAD)
    ResponseEntity<Void> preflight() {
        users.require();
        return OpenRosaXml.answer(204).contentType(null).build();
    }

    @PostMapping("/submission")
    ResponseEntity<String> submit(MultipartHttpServletRequest request) {
        CurrentUser user = users.require();
        MultipartFile xml = request.getFile("xml_submission_file");
        if (xml == null || xml.isEmpty()) {
            throw new OpenRosaProblem(400, "ไม่มีไฟล์ xml_submission_file (the xml_submission_file part is missing)");
        }
        boolean incomplete = request.getParameter("*isIncomplete*") != null || request.getFile("*isIncomplete*") != null;
        List<SubmissionIntake.Part> parts = new ArrayList<>();
        request.getMultiFileMap().forEach((name, files) -> {
            if (name.equals("xml_submission_file") || name.equals("*isIncomplete*")) return;
            for (MultipartFile f : files) parts.add(new SubmissionIntake.Part(fileName(f, name), bytes(f)));
        });
        var received = intake.receive(user, bytes(xml), parts, incomplete);
        if (received.complete()) visits.process(received.submissionId(), received.form(), user);
        String message = received.duplicate() ? "ได้รับแบบบันทึกนี้แล้ว (full submission already received)"
                : received.complete() ? "บันทึกการเยี่ยมบ้านแล้ว (full submission upload was successful)"
                : "ได้รับบางส่วนแล้ว (partial submission received; send the rest)";
        if (received.warning() != null) message += " " + received.warning();
        return OpenRosaXml.answer(201).body(OpenRosaXml.response("submit_success", message));
    }

    @ExceptionHandler(OpenRosaProblem.class)
    ResponseEntity<String> refused(OpenRosaProblem e) {
        return OpenRosaXml.answer(e.status()).body(OpenRosaXml.response("error", e.getMessage()));
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<String> domain(DomainProblem e) {
        return OpenRosaXml.answer(e.status()).body(OpenRosaXml.response("error", e.getMessage()));
    }

    /**
     * The newest version of the form of each of the user's open campaigns, also for a campaign opened with an older
     * one: a campaign accepts every version Tonkla serves, and only the newest carries the time of the visit.
     */
    private List<FieldForms.Form> formsOf(CurrentUser user) {
        return campaigns.openFor(user).stream().map(c -> forms.current(c.formId()))
                .flatMap(java.util.Optional::stream).distinct().toList();
    }

    /** A served version of a form of the user's campaigns (a campaign takes any version Tonkla serves of its form). */
    private FieldForms.Form assigned(String formId, String version) {
        return formsOf(users.require()).stream().filter(f -> f.formId().equals(formId))
                .flatMap(f -> forms.find(formId, version).stream()).findFirst().orElseThrow(() -> new OpenRosaProblem(404, "ไม่พบแบบฟอร์มในโครงการของท่าน (no such form in your campaigns)"));
    }

    private static String fileName(MultipartFile f, String partName) {
        String original = f.getOriginalFilename();
        return original == null || original.isBlank() ? partName : original;
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
