package org.kizuna.picture.internal.distribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

import org.kizuna.label.Reader;

/**
 * The name of the audience a reader belongs to, stable across restarts: a SHA-256 of the reader's
 * nation, level and sorted accesses and communities (64 hex characters, whatever the number of accesses).
 */
public final class AudienceName {

    private AudienceName() {
    }

    public static String of(Reader reader) {
        String canonical = reader.nation() + '/' + reader.level() + '/' + String.join(",", new TreeSet<>(reader.accesses()))
                + '/' + String.join(",", new TreeSet<>(reader.communities()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
