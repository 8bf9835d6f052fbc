package org.kizuna.picture.internal.web;

import java.nio.charset.StandardCharsets;

import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.TrackState;

/** The data of one {@code tracks} server-sent event: {@code {"replay":bool,"now":ms,"tracks":[...]}}. */
public final class StreamPayload {

    private StreamPayload() {
    }

    public static String of(Frame f) {
        StringBuilder sb = new StringBuilder(64 + f.count() * 320);
        sb.append("{\"replay\":").append(f.replay()).append(",\"now\":").append(System.currentTimeMillis()).append(",\"tracks\":[");
        TrackState[] t = f.tracks();
        for (int i = 0; i < f.count(); i++) {
            if (i > 0) sb.append(',');
            sb.append(new String(t[i].json(), StandardCharsets.UTF_8));
        }
        return sb.append("]}").toString();
    }
}
