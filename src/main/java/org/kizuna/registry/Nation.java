package org.kizuna.registry;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A nation of the alliance by its ISO 3166 alpha-3 code, with its capital's time zone. */
public record Nation(String code, String name, String zone, Label label) implements Labelled {
}
