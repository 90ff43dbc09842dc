package org.tonkla.assessment.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tonkla.assessment.AssessmentRefused;
import org.tonkla.assessment.AssessmentSheet;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;

/**
 * Issue 10 §1/§6: each rating and note of the head's sheet is saved as soon as it is changed (the sheet's
 * script posts here), and the answer says so beside the item, with the sheet's new "x of N rated". A save
 * that cannot be made answers with its status and the reason in the user's language; the page keeps the
 * value and says it is not saved. The form's revision goes along: a sheet submitted, returned or accepted
 * meanwhile is not changed (409), as with the whole form.
 */
@Controller
class SheetAutosave {

    private final CenterAssessments assessments;
    private final Users users;
    private final MessageSource messages;

    SheetAutosave(CenterAssessments assessments, Users users, MessageSource messages) {
        this.assessments = assessments;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/assessment/{id}/autosave")
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable UUID id, @RequestParam String item,
            @RequestParam(required = false) String level, @RequestParam(required = false) String note,
            @RequestParam String revision, Locale locale) {
        CurrentUser user = users.require();
        AssessmentSheet sheet = assessments.sheet(id, user);
        if (!assessments.mayEdit(user, sheet.unitId())) throw new Refused("Only the center's staff edit its assessment");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("item", item);
        try {
            if (sheet.applicableItems().stream().noneMatch(i -> i.key().equals(item))) {
                throw new InvalidInput("item", "an item of this sheet");
            }
            if (!revision.strip().matches("\\d{1,9}")) throw new InvalidInput("revision", "a whole number");
            // On a returned sheet only the returned items are open; saving another would be skipped in silence.
            if (sheet.status() == org.tonkla.assessment.AssessmentStatus.RETURNED && !sheet.itemEditable(item)) {
                return failed(answer, 409, messages.getMessage("assessment.autosave.notOpen", null, locale));
            }
            assessments.saveDraft(id, Integer.parseInt(revision.strip()),
                    Map.of(item, new RatingInput(level(level, item), note)), Map.of(), user);
            AssessmentSheet saved = assessments.sheet(id, user);
            answer.put("saved", true);
            answer.put("rated", saved.ratedCount());
            answer.put("applicable", saved.applicableItems().size());
            answer.put("ratedText", messages.getMessage("assessment.rated.count",
                    new Object[] {saved.ratedCount(), saved.applicableItems().size()}, locale));
            return ResponseEntity.ok(answer);
        } catch (AssessmentRefused e) {
            return failed(answer, 409, messages.getMessage(e.messageKey(),
                    new Object[] {String.join(", ", e.subjects())}, e.messageKey(), locale));
        } catch (Conflict e) {
            return failed(answer, 409, messages.getMessage("assessment.autosave.changed", null, locale));
        } catch (InvalidInput e) {
            String field = e.field();
            String name = field.contains("|") ? field.substring(0, field.indexOf('|')) : field;
            String key = "level".equals(name) || "note".equals(name) ? "assessment.error.field." + name : "assessment.error.form";
            return failed(answer, 400, messages.getMessage(key, new Object[] {item}, locale));
        }
    }

    private static ResponseEntity<Map<String, Object>> failed(Map<String, Object> answer, int status, String message) {
        answer.put("saved", false);
        answer.put("message", message);
        return ResponseEntity.status(status).body(answer);
    }

    private static ItemLevel level(String text, String key) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (!t.matches("[0-3]")) throw new InvalidInput("level|" + key, "a level from 0 to 3");
        return ItemLevel.ofScore(Integer.parseInt(t));
    }
}
