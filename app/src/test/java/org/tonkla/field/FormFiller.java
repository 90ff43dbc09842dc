package org.tonkla.field;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.DecimalData;
import org.javarosa.core.model.data.GeoPointData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormSerializingVisitor;
import org.javarosa.xform.util.XFormUtils;

/**
 * Fills a form with JavaRosa's {@link FormEntryController}, the form engine inside ODK Collect, step by step as
 * Collect's screens do: answers are given by question path (a repeated question takes its answers in order), repeats
 * are added as many times as asked, and each answer goes through the form's constraints.
 */
final class FormFiller {

    private final FormDef form;
    private final FormEntryController controller;
    private final Map<String, Deque<Object>> answers = new HashMap<>();
    private final Map<String, Integer> repeats = new HashMap<>();
    /** Answers the form refused, as "path: status". */
    final List<String> refused = new ArrayList<>();

    FormFiller(byte[] xform) throws Exception {
        form = XFormUtils.getFormFromInputStream(new ByteArrayInputStream(xform));
        controller = new FormEntryController(new FormEntryModel(form));
        form.initialize(true, new InstanceInitializationFactory());
    }

    FormDef form() {
        return form;
    }

    /** Answers for {@code path}, one per occurrence (a question inside a repeat takes one per repeat). */
    FormFiller answer(String path, Object... values) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(values));
        return this;
    }

    FormFiller repeat(String path, int times) {
        repeats.put(path, times);
        return this;
    }

    /** Walks the form from the start to the end, answering; returns the instance as ODK Collect serialises it. */
    byte[] fill() throws Exception {
        Map<String, Integer> added = new HashMap<>();
        for (int event = controller.stepToNextEvent(); event != FormEntryController.EVENT_END_OF_FORM;
                event = controller.stepToNextEvent()) {
            String path = controller.getModel().getFormIndex().getReference().toString(false);
            if (event == FormEntryController.EVENT_PROMPT_NEW_REPEAT) {
                int done = added.getOrDefault(path, 0);
                if (done < repeats.getOrDefault(path, 0)) {
                    controller.newRepeat();
                    added.put(path, done + 1);
                }
                continue;
            }
            if (event != FormEntryController.EVENT_QUESTION) continue;
            Deque<Object> values = answers.get(path);
            if (values == null || values.isEmpty()) continue;
            FormEntryPrompt prompt = controller.getModel().getQuestionPrompt();
            int status = controller.answerQuestion(controller.getModel().getFormIndex(), data(prompt, values.poll()), true);
            if (status != FormEntryController.ANSWER_OK) refused.add(path + ": " + status);
        }
        controller.finalizeFormEntry();
        form.postProcessInstance();
        return new XFormSerializingVisitor().serializeInstance(form.getInstance());
    }

    private static IAnswerData data(FormEntryPrompt prompt, Object value) {
        if (prompt.getControlType() == Constants.CONTROL_SELECT_ONE) return new SelectOneData(selection(prompt, (String) value));
        if (prompt.getControlType() == Constants.CONTROL_SELECT_MULTI) {
            List<Selection> selections = new ArrayList<>();
            for (String v : ((String) value).split(" ")) selections.add(selection(prompt, v));
            return new SelectMultiData(selections);
        }
        return switch (value) {
            case Integer i -> new IntegerData(i);
            case Double d -> new DecimalData(d);
            case LocalDate d -> new DateData(Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant()));
            case double[] point -> new GeoPointData(point);
            default -> new StringData(value.toString());
        };
    }

    private static Selection selection(FormEntryPrompt prompt, String value) {
        for (SelectChoice c : prompt.getSelectChoices()) if (c.getValue().equals(value)) return new Selection(c);
        throw new IllegalArgumentException("no choice " + value + " in " + prompt.getIndex().getReference());
    }
}
