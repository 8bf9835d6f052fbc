/** The missions module's REST API. */
@NullMarked
package org.kizuna.missions.internal.web;

import org.jspecify.annotations.NullMarked;
