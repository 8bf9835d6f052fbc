package org.kizuna.intel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report as its author writes it: a marked title, marked portions (text, or an attachment), an optional banner
 * override (it may only raise the roll-up of the portions), and an optional place and time of what it reports
 * (shown and correlated under the title's mark).
 */
public record NewReport(@NotNull(message = "{intel.invalid.give-the-report-s-title-with-its-marking}") @Valid MarkedText title,
        @NotEmpty(message = "{intel.invalid.a-report-needs-at-least-one-portion}") @Size(max = 200, message = "{intel.invalid.a-report-has-at-most-200-portions}") List<@NotNull(message = "{intel.invalid.a-portion-may-not-be-null}") @Valid NewPortion> portions,
        @Nullable @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String banner,
        @Nullable @Valid Location location,
        @Nullable Instant observedAt) {

    /** A title: its portion mark (such as {@code (U)}) and its text. */
    public record MarkedText(
            @NotBlank(message = "{intel.invalid.give-the-title-s-portion-mark-such-as}") @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String marking,
            @NotBlank(message = "{intel.invalid.the-title-may-not-be-blank}") @Size(max = 500, message = "{intel.invalid.is-at-most-500-characters}") String text) {
    }

    /** A portion: its mark and either text or an attachment (whose name the guard inspects). */
    public record NewPortion(
            @NotBlank(message = "{intel.invalid.give-the-portion-s-mark-such-as-s}") @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String marking,
            @Nullable @Size(max = 20000, message = "{intel.invalid.is-at-most-20000-characters}") String text,
            @Nullable @Valid NewAttachment attachment) {
    }

    /** A file as a portion: name, media type and content in base64 (at most {@code kizuna.intel.max-attachment-bytes} decoded). */
    public record NewAttachment(
            @NotBlank(message = "{intel.invalid.give-the-file-s-name}") @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String name,
            @NotBlank(message = "{intel.invalid.give-the-media-type-such-as-image-png}") @Size(max = 100, message = "{intel.invalid.is-at-most-100-characters}") @Pattern(regexp = "[a-z0-9.+-]+/[a-zA-Z0-9.+-]+", message = "{intel.invalid.must-be-a-media-type-such-as-image}") String mediaType,
            @NotBlank(message = "{intel.invalid.give-the-content-in-base64}") @Size(max = 800_000, message = "{intel.invalid.is-at-most-800000-characters-of-base64}") String content) {
    }

    /** A place in WGS 84 degrees. */
    public record Location(
            @DecimalMin(value = "-90", message = "{intel.invalid.must-be-90-to-90}") @DecimalMax(value = "90", message = "{intel.invalid.must-be-90-to-90}") double lat,
            @DecimalMin(value = "-180", message = "{intel.invalid.must-be-180-to-180}") @DecimalMax(value = "180", message = "{intel.invalid.must-be-180-to-180}") double lon) {
    }
}
