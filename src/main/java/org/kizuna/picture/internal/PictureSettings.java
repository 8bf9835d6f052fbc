package org.kizuna.picture.internal;

import java.time.Duration;

import org.kizuna.picture.internal.distribution.LivePicture;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kizuna.picture.*}: what the picture accepts and holds (see {@link LivePicture.Limits}; tracks and labels
 * per reporting nation), how long the
 * track history is kept, and how many browser streams a node serves at once.
 */
@ConfigurationProperties("kizuna.picture")
public record PictureSettings(@DefaultValue("5m") Duration acceptPast,
        @DefaultValue("1m") Duration acceptFuture,
        @DefaultValue("1h") Duration maxStale,
        @DefaultValue("20000") int maxTracks,
        @DefaultValue("1024") int maxLabels,
        @DefaultValue("1000") int maxAudiences,
        @DefaultValue("10m") Duration idleAudience,
        @DefaultValue("3d") Duration historyRetention,
        @DefaultValue("1000") int maxStreams) {

    public LivePicture.Limits limits() {
        return new LivePicture.Limits(acceptPast, acceptFuture, maxStale, maxTracks, maxLabels, maxAudiences, idleAudience);
    }
}
