package org.kizuna.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What shows a commitment's status: a text and, where there is one, a public URL. */
public record Evidence(
        @NotBlank(message = "{commitments.invalid.evidence-needs-a-text}") @Size(max = 2000, message = "{commitments.invalid.evidence-is-at-most-2000-characters}") String text,
        @Nullable @Size(max = 500, message = "{commitments.invalid.a-url-is-at-most-500-characters}") @Pattern(regexp = "https?://\\S+", message = "{commitments.invalid.a-url-starts-with-http-or-https}") String url) {
}
