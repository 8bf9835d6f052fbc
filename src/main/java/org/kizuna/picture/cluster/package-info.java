/**
 * What a verb needs to run one node's picture on Apache Kafka on one machine, for trying it out: a KRaft broker of the
 * node's own ({@link LocalBroker}), on loopback only. A deployment runs its brokers apart (docs/scaling.md).
 */
@NamedInterface("cluster")
@NullMarked
package org.kizuna.picture.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
