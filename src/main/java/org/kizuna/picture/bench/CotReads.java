package org.kizuna.picture.bench;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.internal.cot.CotStreamDecoder;

/** What a harness's CoT client does with the bytes it has read: every whole event, in order, to one handler. */
public final class CotReads {

    private CotReads() {
    }

    /**
     * Hands every whole event the decoder holds to {@code each}, skipping frames the decoder rejects (the
     * client counts what arrives, not what it cannot read); {@code each} may switch the decoder's mode.
     */
    public static void each(CotStreamDecoder decoder, Consumer<CotEvent> each) {
        for (CotEvent e = next(decoder); e != null; e = next(decoder)) {
            each.accept(e);
        }
    }

    private static @Nullable CotEvent next(CotStreamDecoder decoder) {
        while (true) {
            try {
                return decoder.next();
            } catch (CotRejected unreadable) {
                // the next frame, if any
            }
        }
    }
}
