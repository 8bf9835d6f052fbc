package org.kizuna.audit;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** An audit record at its position in the log. */
public record AuditEntry(long index, AuditRecord record) implements Labelled {

    @Override
    public Label label() {
        return record.label();
    }
}
