package org.kizuna.plans;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** One section of a version, under its own label; {@code key} names it across versions ({@code s1}, {@code s2} ...). */
public record Section(String key, String heading, Label label, String text) implements Labelled {
}
