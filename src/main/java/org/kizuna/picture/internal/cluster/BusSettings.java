package org.kizuna.picture.internal.cluster;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kizuna.picture.bus.*}: where the picture's streams run. {@code embedded} (the default): in this process, one node on
 * one machine. {@code kafka}: on Apache Kafka, where this process is a {@code replica} (takes events from clients and serves
 * readers) or a {@code worker} (fuses the regions the consumer group gives it); docs/scaling.md.
 *
 * @param kind             {@code embedded} or {@code kafka}
 * @param role             with {@code kafka}: {@code replica} or {@code worker}
 * @param bootstrapServers with {@code kafka}: the brokers, {@code host:port,...}
 * @param topics           the first part of the topics' names; one node's processes share it, two nodes never do
 * @param partitions       partitions of the observations and tracks topics, made when they do not exist: the most workers
 *                         that can share the fusion
 * @param cellDegrees      the side of a region cell, in degrees: a cell's observations all go to one partition
 * @param haloDegrees      an observation this near (degrees) to another cell also goes to that cell's partition, so that the
 *                         worker there holds the target's track before it crosses, under the same uid
 * @param client           further Kafka client settings (TLS, SASL: {@code security.protocol}, {@code ssl.truststore.location}
 *                         ...), given to every producer, consumer and admin client as they are
 */
@Validated
@ConfigurationProperties("kizuna.picture.bus")
public record BusSettings(@DefaultValue("embedded") @Pattern(regexp = "embedded|kafka") String kind,
        @DefaultValue("replica") @Pattern(regexp = "replica|worker") String role,
        @Nullable String bootstrapServers,
        @DefaultValue("kizuna") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String topics,
        @DefaultValue("12") @Min(1) @Max(1000) int partitions,
        @DefaultValue("1.0") @DecimalMin("0.01") @DecimalMax("90") double cellDegrees,
        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("10") double haloDegrees,
        @DefaultValue Map<String, String> client) {

    public BusSettings {
        if (haloDegrees >= cellDegrees) throw new IllegalArgumentException("kizuna.picture.bus.halo-degrees must be less than cell-degrees");
        if (kind.equals("kafka") && (bootstrapServers == null || bootstrapServers.isBlank())) {
            throw new IllegalArgumentException("kizuna.picture.bus.kind=kafka needs kizuna.picture.bus.bootstrap-servers (host:port of the brokers)");
        }
    }

    boolean isWorker() {
        return role.equals("worker");
    }
}
