@NullMarked
package org.kizuna.picture.internal.cluster;

import org.jspecify.annotations.NullMarked;
