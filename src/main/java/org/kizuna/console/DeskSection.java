package org.kizuna.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;

/**
 * A module's part of the signed-in user's desk (the home page, {@code GET /api/v1/console/desk}): what waits for the
 * user in that module, each item linking to its page. Declare one as a bean, as a {@link ConsolePage}; the console
 * never depends on the module that declares it. A section reads only through its module's read path, so it holds
 * only what the user may read and its {@code count} counts only that, never items the user may not read.
 *
 * <p>Texts are message keys of the module's catalogue ({@code intel.desk.heading}), filled by the console in the
 * reader's language; the arguments are values (names, numbers), never texts of one language.
 */
public interface DeskSection {

    /** The most items a section shows; its {@code count} may be larger. */
    int ITEMS = 8;

    /** The module's name ({@code intel}). */
    String module();

    /** Position on the desk, lower first: what waits for the user first, then the situation and the picture. */
    int order();

    /**
     * The module's section for the user, or empty when the module has nothing for this user's roles or nation (a
     * user who may not release has no releases section).
     *
     * @param language the reader's language, for names that reference data holds in both languages
     */
    Optional<Content> section(KizunaUser user, Locale language);

    /** A link on the desk stays on the node: a path of its own ({@code /intel/}), never another site or a script. */
    private static void checkLink(String link) {
        if (!link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
            throw new IllegalArgumentException("a desk link is a path on the node, such as /intel/: " + link);
        }
    }

    /**
     * A section: its heading (a message key), the link to the module's page, how many items wait in all (of what the
     * user may read) and the first {@link #ITEMS} of them, most urgent first.
     */
    record Content(String heading, String link, int count, List<Item> items) {

        public Content {
            checkLink(link);
            if (count < 0) throw new IllegalArgumentException("a desk section counts from 0");
            items = List.copyOf(items.size() > ITEMS ? items.subList(0, ITEMS) : items);
        }

        /** A section of the first {@link #ITEMS} of the items, counting them all. */
        public static Content of(String heading, String link, List<Item> all) {
            return new Content(heading, link, all.size(), all);
        }
    }

    /**
     * One thing on the desk.
     *
     * @param text    a message key, with {@code args} filled in
     * @param link    the page that shows it ({@code /intel/#R-1})
     * @param at      the instant it is about (a booking's start, a request's time), shown in the user's zone
     * @param day     the calendar day it is due (a commitment's deadline), when it is a day rather than an instant
     * @param zone    the other party's zone (a facility's), whose local time is shown beside {@code at}
     * @param overdue whether it is past due
     * @param labels  the banners of the labels of what it shows, for the page's banner (the roll-up of everything on the page)
     */
    record Item(String text, List<Object> args, String link, @Nullable Instant at, @Nullable LocalDate day, @Nullable String zone, boolean overdue,
            List<String> labels) {

        public Item {
            checkLink(link);
            args = List.copyOf(args);
            labels = List.copyOf(labels);
        }
    }
}
