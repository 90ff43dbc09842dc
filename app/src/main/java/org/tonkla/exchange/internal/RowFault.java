package org.tonkla.exchange.internal;

import org.tonkla.exchange.RejectReason;

/** A row that cannot be loaded, with the reason and what was found (never a national ID in clear). */
final class RowFault extends RuntimeException {

    final RejectReason reason;
    final String detail;

    RowFault(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }
}
