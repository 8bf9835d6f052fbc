package org.kizuna.node;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who a node is and where it keeps its files (prefix {@code kizuna}); every module that needs the node's
 * nation, mode or data directory takes this record instead of reading the properties itself.
 *
 * @param nation  the nation that runs the node, a trigraph ({@code USA}, {@code JPN} ...); its label policy applies
 * @param mode    {@code demo} (demo users and data, plain HTTP on loopback) or {@code production}
 * @param dataDir the node's data directory: embedded database, keys, PKI, track history
 */
@Validated
@ConfigurationProperties("kizuna")
public record NodeSettings(@DefaultValue("USA") @Pattern(regexp = "[A-Z]{3}", message = "must be a nation trigraph such as USA or JPN") String nation,
        @DefaultValue("demo") @NotNull Mode mode,
        @DefaultValue("./data/USA") @NotNull Path dataDir) {

    /** How a node treats accounts, demo data and plain HTTP. */
    public enum Mode {
        /** Demo users (password {@code demo}) and demo data are created; plain HTTP on loopback by default. */
        DEMO,
        /** No demo users or data; a known password is refused; no plain HTTP unless asked for. */
        PRODUCTION
    }

    public boolean isDemo() {
        return mode == Mode.DEMO;
    }

    public boolean isProduction() {
        return mode == Mode.PRODUCTION;
    }
}
