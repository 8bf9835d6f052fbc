/** The picture's HTTP API and event streams. */
@NullMarked
package org.kizuna.picture.internal.web;

import org.jspecify.annotations.NullMarked;
