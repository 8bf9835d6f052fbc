package org.kizuna.identity;

import java.util.stream.Collectors;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;

/**
 * A write the user may not make: answered 403 problem+json saying what the write needs, nothing about other items.
 * The detail is told in the reader's language (the message {@code identity.write-refused}, with the write's own
 * {@code identity.write.<NAME>.what} and {@code .whose}); its English form is {@link Write#needs}.
 */
public final class WriteRefused extends Problems.Coded {

    public WriteRefused(KizunaUser user, Write write, String nation, String clearanceFloor) {
        super(HttpStatus.FORBIDDEN, "Not allowed", write.clearanceFloor() ? "identity.write-refused.floor" : "identity.write-refused",
                new Object[]{Problems.part("identity.write." + write.name() + ".what"),
                        roles(write, " or "), Problems.part("identity.write." + write.name() + ".whose"), nation, clearanceFloor,
                        user.username(), user.nation(), roles(write, " / ")});
        getBody().setDetail(write.needs(nation, clearanceFloor) + "; you are " + user.username() + " of " + user.nation());
    }

    private static String roles(Write write, String or) {
        return write.roles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().collect(Collectors.joining(or));
    }
}
