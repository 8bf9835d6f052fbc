package org.kizuna.picture.net;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;

/**
 * Maps who is on a CoT connection to a reader and a default label. A client certificate issued by the
 * node's CA names the user ({@code CN}), the nation ({@code OU}) and the clearance ({@code T}); when the
 * user is known to the node, the node's record of the user wins (and must agree on the nation). Events
 * without a label default to the sender's own nation only, the most restrictive marking.
 */
public final class CotIdentities {

    /** What the node knows of a user: nation, clearance and accesses. */
    public record KnownUser(String nation, String clearance, Set<String> accesses) {
    }

    private CotIdentities() {
    }

    public static CotIdentity of(String name, String nation, String clearance, Set<String> accesses) {
        return new CotIdentity(name, nation, Reader.of(nation, clearance, accesses), ownNationOnly(nation, clearance));
    }

    /** The label that keeps an item in the originating nation: {@code SECRET//NOFORN} for USA, {@code //JPN SECRET} otherwise. */
    public static Label ownNationOnly(String nation, String clearance) {
        return Label.parse("USA".equals(nation) ? clearance + "//NOFORN" : "//" + nation + " " + clearance);
    }

    public static Function<X509Certificate, CotIdentity> fromCertificates(Function<String, Optional<KnownUser>> users) {
        return cert -> {
            String name = NodePki.attribute(cert, BCStyle.CN);
            String nation = NodePki.attribute(cert, BCStyle.OU);
            String clearance = NodePki.attribute(cert, BCStyle.T);
            if (name == null || nation == null) throw new IllegalArgumentException("client certificate names no user (CN) or nation (OU)");
            Optional<KnownUser> known = users.apply(name);
            if (known.isPresent()) {
                if (!known.get().nation().equals(nation)) {
                    throw new IllegalArgumentException("client certificate says " + name + " is " + nation + " but the node knows " + known.get().nation());
                }
                return of(name, nation, known.get().clearance(), known.get().accesses());
            }
            if (clearance == null) throw new IllegalArgumentException("client certificate of unknown user " + name + " carries no clearance (T)");
            try {
                return of(name, nation, clearance, Set.of());
            } catch (InvalidMarkingException e) {
                throw new IllegalArgumentException("client certificate of " + name + ": " + e.getMessage(), e);
            }
        };
    }
}
