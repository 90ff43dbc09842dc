package org.tonkla.recordbook.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.Need;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.HandoverSummaries;

/**
 * The handover a receiving unit sees: what the record book says the next teacher must know, in
 * Thai (the receiving unit's working language; the lines are kept with the transfer as written).
 */
@Component
class Handovers implements HandoverSummaries {

    private final RecordBook book;
    private final MessageSource messages;

    Handovers(RecordBook book, MessageSource messages) {
        this.book = book;
        this.messages = messages;
    }

    @Override
    public List<String> summarize(ChildId child, LocalDate day) {
        List<String> lines = new ArrayList<>();
        for (Need need : book.needs(child, day)) {
            if (need.key().startsWith("need.growth.none")) continue; // nothing to hand over
            String line = messages.getMessage(need.key(), null, need.key(), ThaiDates.THAI);
            lines.add(need.detail() == null ? line : line + " (" + need.detail() + ")");
        }
        for (HealthNote note : book.healthNotes(child)) {
            if (note.resolvedOn() == null) {
                lines.add(messages.getMessage(note.kind().messageKey(), null, ThaiDates.THAI) + ": " + note.description());
            }
        }
        return lines;
    }
}
