/** Cursor on Target encodings: XML and the TAK protocol. */
@NullMarked
package org.kizuna.picture.internal.cot;

import org.jspecify.annotations.NullMarked;
