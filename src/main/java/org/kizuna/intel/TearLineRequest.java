package org.kizuna.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tear line: a sanitized portion written for partners, with its mark (such as {@code (C//REL TO USA, JPN)}). */
public record TearLineRequest(
        @NotBlank(message = "{intel.invalid.give-the-tear-line-s-mark-such-as}") @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String marking,
        @NotBlank(message = "{intel.invalid.the-tear-line-s-text-may-not-be}") @Size(max = 20000, message = "{intel.invalid.is-at-most-20000-characters}") String text) {
}
