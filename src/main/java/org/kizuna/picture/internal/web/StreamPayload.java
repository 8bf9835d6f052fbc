package org.kizuna.picture.internal.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.TrackState;

/**
 * Tracks as JSON, always from each track version's one encoding ({@link TrackState#json()}): the data of a
 * {@code tracks} server-sent event, {@code {"replay":bool,"now":ms,"tracks":[...]}}, and the REST API's array.
 */
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

    /** A JSON array of the tracks. */
    public static byte[] array(List<TrackState> tracks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + tracks.size() * 320);
        out.write('[');
        for (int i = 0; i < tracks.size(); i++) {
            if (i > 0) out.write(',');
            out.writeBytes(tracks.get(i).json());
        }
        out.write(']');
        return out.toByteArray();
    }
}
