package org.kizuna.console.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/console/desk}: the signed-in user's desk, the sections the modules of this node declare
 * ({@link DeskSection} beans) in their order, texts in the reader's language. Each section is read on its own: one
 * that fails is shown as failed (the log has why) and the others stand. A section holds at most
 * {@link DeskSection#ITEMS} items; its count is of what the user may read, as the module's read path decided it.
 */
@RestController
class DeskController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeskController.class);

    private final List<DeskSection> sections;
    private final Messages messages;

    DeskController(List<DeskSection> sections, Messages messages) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(DeskSection::order).thenComparing(DeskSection::module)).toList();
        this.messages = messages;
    }

    /** The desk as the page shows it. */
    record Desk(List<Section> sections) {
    }

    /**
     * A section: the module, its heading, the link to its page, how many items wait in all and those shown; {@code failed}
     * when the module could not answer (then no count and no items).
     */
    record Section(String module, String heading, String link, int count, List<Item> items, boolean failed) {
    }

    /** An item: its text, its page, the instant or day it is about, the other party's zone, whether overdue, the banners of what it shows. */
    record Item(String text, String link, @Nullable Instant at, @Nullable LocalDate day, @Nullable String zone, boolean overdue,
            List<String> labels) {
    }

    @Operation(summary = "Your desk: what waits for you in each module (releases, approvals, commitments, bookings, exercises), the "
            + "situation and the picture, counted among what you may read")
    @GetMapping("/api/v1/console/desk")
    Desk desk(KizunaUser user, Locale locale) {
        Locale language = Messages.language(locale);
        List<Section> out = new ArrayList<>();
        for (DeskSection s : sections) {
            Optional<DeskSection.Content> content;
            try {
                content = s.section(user, language);
            } catch (RuntimeException e) {
                log.warn("the desk section of module {} failed for {}", s.module(), user.username(), e);
                out.add(new Section(s.module(), messages.text("console.nav." + s.module(), language), "/" + s.module() + "/", 0,
                        List.of(), true));
                continue;
            }
            content.ifPresent(c -> out.add(new Section(s.module(), messages.text(c.heading(), language), c.link(), c.count(),
                    c.items().stream().limit(DeskSection.ITEMS).map(i -> item(i, language)).toList(), false)));
        }
        return new Desk(out);
    }

    private Item item(DeskSection.Item i, Locale language) {
        return new Item(messages.text(i.text(), language, i.args().toArray()), i.link(), i.at(), i.day(), i.zone(), i.overdue(), i.labels());
    }
}
