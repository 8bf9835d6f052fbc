package org.kizuna.registry;

import java.util.List;

/** A page of search hits; {@code total} counts only what the reader may see. */
public record SearchPage(List<SearchHit> items, int total, int page, int size) {
}
