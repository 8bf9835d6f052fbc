/**
 * The search's index (Lucene, one document per labelled part, Japanese by Kuromoji and English by stemming), its
 * lifecycle (built from every {@link org.kizuna.search.SearchSource} when the node starts, kept current by the
 * modules' events) and the read decision that restricts every query to the labels the reader may read.
 */
@NullMarked
package org.kizuna.search.internal;

import org.jspecify.annotations.NullMarked;
