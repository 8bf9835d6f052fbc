package org.kizuna.picture.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.kizuna.picture.Picture;
import org.kizuna.picture.TrackView;
import org.springframework.stereotype.Component;

/**
 * The picture in one line on the desk: the tracks the user may see now by affiliation (friendly: {@code f} and
 * {@code a}; hostile: {@code h}, {@code s}, {@code j}, {@code k}; neutral: {@code n}; the rest unknown) and how long ago
 * the newest of them was reported, under the banners of the tracks counted. Its count is the tracks the user sees.
 */
@Component
class PictureDesk extends DeskSection.OfModule {

    private final Picture picture;
    private final Clock clock;

    PictureDesk(Picture picture, Clock clock) {
        super("picture", 70);
        this.picture = picture;
        this.clock = clock;
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        List<TrackView> tracks = picture.tracks(user.reader());
        if (tracks.isEmpty()) {
            return Optional.of(content(0, List.of(Item.of("picture.desk.none", List.of(), page(), List.of()))));
        }
        int friendly = 0, hostile = 0, neutral = 0, unknown = 0;
        Instant newest = Instant.MIN;
        TreeSet<String> banners = new TreeSet<>();
        for (TrackView t : tracks) {
            switch (t.affiliation()) {
                case "f", "a" -> friendly++;
                case "h", "s", "j", "k" -> hostile++;
                case "n" -> neutral++;
                default -> unknown++;
            }
            if (t.lastUpdate().isAfter(newest)) newest = t.lastUpdate();
            banners.add(t.banner());
        }
        Age age = age(Duration.between(newest, clock.instant()));
        Item line = Item.at("picture.desk.line." + age.unit(), List.of(tracks.size(), friendly, hostile, neutral, unknown, age.amount()), page(), newest,
                List.copyOf(banners));
        return Optional.of(content(tracks.size(), List.of(line)));
    }

    /** An age in whole seconds below two minutes, whole minutes below two hours, else whole hours. */
    record Age(String unit, long amount) {
    }

    static Age age(Duration d) {
        long s = d.isNegative() ? 0 : d.toSeconds();
        if (s < 120) return new Age("seconds", s);
        if (s < 7200) return new Age("minutes", s / 60);
        return new Age("hours", s / 3600);
    }
}
