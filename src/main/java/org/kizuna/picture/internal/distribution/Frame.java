package org.kizuna.picture.internal.distribution;

/**
 * What one audience receives at one publication: the changed tracks it may see (or, when
 * {@code replay} is set, its whole current picture, sent on connect). Shared by all subscribers of the
 * audience; never modified after publication.
 */
public record Frame(TrackState[] tracks, int count, boolean replay) {
}
