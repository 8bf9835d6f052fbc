package org.kizuna.plans.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.kizuna.plans.Section;

/**
 * The hash an approval binds to: SHA-256 over the version's canonical content, in lower-case hex. The canonical form
 * (docs/plans.md, "Approvals and the hash") is the UTF-8 bytes of the line {@code kizuna-plan-version-1}, the plan's
 * salt in hex on a line of its own, then for each section in order its heading, its marking in banner form and its
 * text, each written as its length in UTF-8 bytes, a colon, the bytes and a line feed. Lengths make the form
 * unambiguous; the salt (random per plan, never shown) keeps a reader from recomputing the hash over the sections it
 * may read and so learning whether a version holds others.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(String salt, List<Section> sections) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("kizuna-plan-version-1\n".getBytes(StandardCharsets.UTF_8));
            sha.update((salt + "\n").getBytes(StandardCharsets.UTF_8));
            for (Section s : sections) {
                field(sha, s.heading());
                field(sha, s.label().banner());
                field(sha, s.text());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
        sha.update((byte) '\n');
    }
}
