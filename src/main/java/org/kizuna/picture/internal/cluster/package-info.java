/**
 * The picture over Apache Kafka (docs/scaling.md): replicas that take events and serve readers, fusion workers that own
 * regions, and the topics between them.
 */
@NullMarked
package org.kizuna.picture.internal.cluster;

import org.jspecify.annotations.NullMarked;
