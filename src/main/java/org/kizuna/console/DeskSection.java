package org.kizuna.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>A module's section extends {@link OfModule}, which holds its name and position, and answers with
 * {@link #content}: the heading {@code <module>.desk.heading} over a link to the module's page.
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

    /** The module's page, the link of its section ({@code /intel/}). */
    default String page() {
        return "/" + module() + "/";
    }

    /**
     * The module's page with a query ({@code /exercises/?series=keen-sword&exercise=KS-25}), each value URL-encoded.
     *
     * @param namesAndValues a name, its value, the next name, its value ...
     */
    default String page(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("a query is names and values in pairs");
        StringBuilder link = new StringBuilder(page());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            link.append(i == 0 ? '?' : '&').append(namesAndValues[i]).append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    /** The section under the module's heading ({@code intel.desk.heading}), linking to its {@link #page()}. */
    default Content content(int count, List<Item> items) {
        return new Content(module() + ".desk.heading", page(), count, items);
    }

    /** The section of the first {@link #ITEMS} of the items, counting them all, as {@link #content(int, List)}. */
    default Content content(List<Item> all) {
        return content(all.size(), all);
    }

    /** A module's section, named and placed once by its constructor. */
    abstract class OfModule implements DeskSection {

        private final String module;
        private final int order;

        /**
         * @param module the module's name ({@code intel})
         * @param order  its position on the desk, lower first
         */
        protected OfModule(String module, int order) {
            this.module = module;
            this.order = order;
        }

        @Override
        public final String module() {
            return module;
        }

        @Override
        public final int order() {
            return order;
        }
    }

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

        /** An item about no instant or day (a summary line). */
        public static Item of(String text, List<Object> args, String link, List<String> labels) {
            return new Item(text, args, link, null, null, null, false, labels);
        }

        /** An item about an instant (a request's time, a booking's start). */
        public static Item at(String text, List<Object> args, String link, @Nullable Instant at, List<String> labels) {
            return new Item(text, args, link, at, null, null, false, labels);
        }

        /** An item due on a calendar day (a commitment's deadline), overdue or not. */
        public static Item due(String text, List<Object> args, String link, @Nullable LocalDate day, boolean overdue, List<String> labels) {
            return new Item(text, args, link, null, day, null, overdue, labels);
        }

        /** This item with the other party's zone, whose local time is shown beside {@code at}. */
        public Item inZone(@Nullable String zone) {
            return new Item(text, args, link, at, day, zone, overdue, labels);
        }
    }
}
