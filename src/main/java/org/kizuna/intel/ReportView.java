package org.kizuna.intel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A report as one reader sees it: only the portions the reader may read, in the author's order, each under its mark,
 * and the banner of what is shown. Portion ids are opaque and random, so neither they nor the positions tell of
 * portions the reader does not see. {@code title} is null (and {@code titleHidden} true) when the reader may not read
 * the title; the place and time are given only with the title.
 *
 * @param nation     the originating nation (its releasers release the report's portions)
 * @param originator the node whose package the report was imported from, or null for a report written here
 * @param updatedAt  when a portion the reader sees last changed
 * @param related    reports linked to this one that the reader may read, through portions it may read on both sides
 * @param printBanner the banner of the printed report: the roll-up of {@code banner} and the marks of the related links
 *                    printed with it (a link's reason can say more than the report's portions); null when they have no
 *                    roll-up, and then the related links are not printed
 * @param nationalBanner the banner in this node's policy ({@code LabelKernel#inPolicy}) when it is written in another
 *                   policy (a partner's report), else null; shown beside the banner, never decided on
 */
public record ReportView(String id, Label banner, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable PortionView title, boolean titleHidden,
        List<PortionView> portions,
        String nation, String author, @Nullable String originator, Instant createdAt, Instant updatedAt,
        NewReport.@Nullable Location location, @Nullable Instant observedAt, List<Related> related,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Label printBanner, @Nullable String nationalBanner) implements Labelled {

    public ReportView {
        portions = List.copyOf(portions);
        related = List.copyOf(related);
    }

    @Override
    public Label label() {
        return banner;
    }

    /**
     * A portion as the reader sees it: text (title, text, tear line) or an attachment. {@code marking} is the portion's
     * own label (the originator's, under which every decision is taken); {@code nationalMarking} is that label in this
     * node's policy when it is written in another policy (a partner's portion), else null.
     */
    public record PortionView(String id, String kind, String marking, String text, @Nullable AttachmentInfo attachment, Instant changedAt,
            @Nullable String nationalMarking) {
    }

    /** An attachment's name, type and size; its bytes at {@code .../portions/{id}/content}. */
    public record AttachmentInfo(String name, String mediaType, long size) {
    }

    /** A link to another report, why (the identifier or the place and time both report), and the link's own mark. */
    public record Related(String id, String reason, String marking) {
    }
}
