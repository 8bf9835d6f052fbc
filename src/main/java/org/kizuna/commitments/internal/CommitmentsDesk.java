package org.kizuna.commitments.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.kizuna.commitments.Commitment;
import org.kizuna.commitments.Commitments;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.springframework.stereotype.Component;

/**
 * The commitments part of the desk: the commitments the user's nation owns that are overdue or due (by the node's
 * clock, as {@link Commitments} computes them after the read decision), overdue first, each by its deadline.
 */
@Component
class CommitmentsDesk extends DeskSection.OfModule {

    /** The longest commitment text the desk shows; the page shows the rest. */
    static final int TEXT = 160;

    private final Commitments commitments;

    CommitmentsDesk(Commitments commitments) {
        super("commitments", 30);
        this.commitments = commitments;
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        List<Item> items = commitments.commitments(null, null, user.reader()).stream()
                .filter(c -> c.owner().equals(user.nation()))
                .filter(c -> "overdue".equals(c.due()) || "due".equals(c.due()))
                .sorted(Comparator.comparing((Commitment c) -> !"overdue".equals(c.due()))
                        .thenComparing(c -> Objects.requireNonNullElse(c.deadline(), LocalDate.MAX)))
                .map(c -> Item.due("commitments.desk.item", List.of(shorten(c.text()), c.organization()), page("id", c.id()), c.deadline(),
                        "overdue".equals(c.due()), List.of(c.label().banner())))
                .toList();
        return Optional.of(content(items));
    }

    static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= TEXT ? t : t.substring(0, TEXT - 1).strip() + "…";
    }
}
