package org.kizuna.picture.web;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.stream.FusedLayer;

/** Connects the picture to the fusion engine's labelled tracker. */
final class FusionAdapter {

    private FusionAdapter() {
    }

    static @Nullable FusedLayer create() {
        return null;
    }
}
