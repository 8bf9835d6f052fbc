/** The traffic and the clients of the abuse harness. */
@NullMarked
package org.kizuna.picture.bench.abuse;

import org.jspecify.annotations.NullMarked;
