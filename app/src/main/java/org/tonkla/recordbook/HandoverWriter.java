package org.tonkla.recordbook;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.ChildTransferred;
import org.tonkla.registry.Transfers;

/**
 * Writes the handover a receiving unit sees when the registry reports a transfer: what the record book
 * says the next teacher must know, in Thai (the receiving unit's working language; the lines are kept
 * with the transfer as written). An event listener, so the registry needs nothing of the record book;
 * the JDBC event registry retries it if it fails.
 */
@Component
class HandoverWriter {

    private final RecordBook book;
    private final Transfers transfers;
    private final MessageSource messages;

    HandoverWriter(RecordBook book, Transfers transfers, MessageSource messages) {
        this.book = book;
        this.transfers = transfers;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ChildTransferred event) {
        transfers.attachHandover(event.transferId(), summarize(event));
    }

    List<String> summarize(ChildTransferred event) {
        var handover = book.handover(event.child(), event.dateOfBirth(), event.on());
        List<String> lines = new ArrayList<>();
        for (Need need : handover.needs()) {
            if (need.key().startsWith("need.growth.none")) continue; // nothing to hand over
            String line = messages.getMessage(need.key(), null, need.key(), ThaiDates.THAI);
            lines.add(need.detail() == null ? line : line + " (" + need.detail() + ")");
        }
        for (HealthNote note : handover.openNotes()) {
            lines.add(messages.getMessage(note.kind().messageKey(), null, ThaiDates.THAI) + ": " + note.description());
        }
        return lines;
    }
}
