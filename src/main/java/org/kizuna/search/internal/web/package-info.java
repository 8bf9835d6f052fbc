/** The search's REST endpoint ({@code GET /api/v1/search}) and its console page. */
@NullMarked
package org.kizuna.search.internal.web;

import org.jspecify.annotations.NullMarked;
