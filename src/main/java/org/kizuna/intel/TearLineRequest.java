package org.kizuna.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tear line: a sanitized portion written for partners, with its mark (such as {@code (C//REL TO USA, JPN)}). */
public record TearLineRequest(
        @NotBlank(message = "give the tear line's mark, such as (C//REL TO USA, JPN)") @Size(max = 200, message = "is at most 200 characters") String marking,
        @NotBlank(message = "the tear line's text may not be blank") @Size(max = 20000, message = "is at most 20000 characters") String text) {
}
