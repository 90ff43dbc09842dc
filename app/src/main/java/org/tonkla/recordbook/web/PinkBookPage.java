package org.tonkla.recordbook.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.recordbook.Immunizations;
import org.tonkla.registry.ChildId;

/**
 * Issue 10 §6: the doses a child already had, copied from the pink book (สมุดบันทึกสุขภาพแม่และเด็ก) in one
 * form — one date per dose ({@code given.<code>}), blanks skipped. Each dose is recorded as on its own; a date
 * the record book refuses (before birth, in the future, unreadable) leaves that dose's date in the form with
 * the reason beside it, and the others are saved, so nothing typed is lost.
 */
@Controller
class PinkBookPage {

    private static final String PREFIX = "given.";
    private final Immunizations immunizations;
    private final Users users;

    PinkBookPage(Immunizations immunizations, Users users) {
        this.immunizations = immunizations;
        this.users = users;
    }

    @PostMapping("/children/{id}/immunizations/pink-book")
    String record(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        Map<String, String> refused = new LinkedHashMap<>();
        int saved = 0;
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith(PREFIX) || e.getValue() == null || e.getValue().isBlank()) continue;
            String code = e.getKey().substring(PREFIX.length());
            try {
                immunizations.record(new ChildId(id), code, date(e.getValue()), null, user);
                saved++;
            } catch (InvalidInput refusal) {
                refused.put(code, e.getValue().strip());
            }
        }
        if (!refused.isEmpty()) redirect.addFlashAttribute("pinkBookRefused", refused);
        redirect.addFlashAttribute("pinkBookSaved", saved);
        return "redirect:/children/" + id + "#pink-book";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("givenOn", "a date (yyyy-mm-dd)");
        }
    }
}
