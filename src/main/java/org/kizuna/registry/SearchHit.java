package org.kizuna.registry;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** One search result: an organization or a facility whose name, abbreviation or id matched. */
public record SearchHit(String kind, String id, String name, String nation, Label label) implements Labelled {
}
