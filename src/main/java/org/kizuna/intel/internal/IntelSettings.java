package org.kizuna.intel.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intel module's settings (prefix {@code kizuna.intel}).
 *
 * @param twoPersonFrom      the level (an English level name of the node's policy) from which a release needs a second,
 *                           different releaser of the same nation; ORCON portions always do
 * @param codewords          words the release check looks for in content, beyond the label module's controls.yaml: a
 *                           portion whose label has no SCI control may not be released when its content carries one
 * @param maxAttachmentBytes the largest attachment, decoded, in bytes (1 to 700000; the request body limit bounds it too)
 * @param maxAttachments     the most attachments one report holds (0 to 20)
 * @param linkKilometres     reports with a place and time are linked when their places are at most this far apart
 * @param linkHours          ... and their times at most this many hours apart
 */
@Validated
@ConfigurationProperties("kizuna.intel")
public record IntelSettings(@DefaultValue("SECRET") @NotBlank(message = "must be a level name of the node's policy, such as SECRET") String twoPersonFrom,
        @DefaultValue({
        }) @NotNull @Size(max = 200, message = "at most 200 codewords") List<@NotBlank(message = "a codeword may not be blank") String> codewords,
        @DefaultValue("524288") @Min(value = 1, message = "must be 1 to 700000") @Max(value = 700_000, message = "must be 1 to 700000") int maxAttachmentBytes,
        @DefaultValue("4") @Min(value = 0, message = "must be 0 to 20") @Max(value = 20, message = "must be 0 to 20") int maxAttachments,
        @DefaultValue("20") @Min(value = 0, message = "must be 0 to 1000") @Max(value = 1000, message = "must be 0 to 1000") double linkKilometres,
        @DefaultValue("6") @Min(value = 0, message = "must be 0 to 240") @Max(value = 240, message = "must be 0 to 240") int linkHours) {

    public IntelSettings {
        codewords = List.copyOf(codewords);
    }

    /** The defaults, for the benchmark harness. */
    public static IntelSettings defaults() {
        return new IntelSettings("SECRET", List.of(), 524288, 4, 20, 6);
    }
}
