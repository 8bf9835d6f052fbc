package org.kizuna.picture;

/** A CoT event or frame that was refused, with the reason (logged with the connection, never fatal to it). */
public final class CotRejected extends Exception {

    public CotRejected(String reason) {
        super(reason, null, false, false);
    }
}
