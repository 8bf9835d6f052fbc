package org.kizuna.label;

import java.util.Set;

/** Reader fixtures per nation, named as the tests use them. */
final class Readers {

    private Readers() {
    }

    static Reader usaSecretReader() {
        return Reader.parse("USA/SECRET");
    }

    static Reader usaTopSecretSiReader() {
        return Reader.of("USA", "TOP SECRET", Set.of("SI"));
    }

    static Reader jpnSecretReader() {
        return Reader.parse("JPN/SECRET");
    }

    static Reader gbrSecretReader() {
        return Reader.parse("GBR/SECRET");
    }

    static Reader ausSecretReader() {
        return Reader.parse("AUS/SECRET");
    }

    static Reader korSecretReader() {
        return Reader.parse("KOR/SECRET");
    }
}
