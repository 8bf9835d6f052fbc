package org.kizuna.picture.internal.ingest;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Policy;
import org.kizuna.label.Reader;
import org.kizuna.node.NodePki;

/**
 * Maps who is on a CoT connection to a reader and a default label. A client certificate issued by the
 * node's CA names the user ({@code CN}), the nation ({@code OU}) and a clearance ({@code T}). The
 * clearance written in a certificate is never trusted: a user the node knows (and has not disabled)
 * reads with the node's record of the user (the nations must agree); a certificate of a user the node
 * does not know is refused or, in demo mode, reads unclassified items only. A revoked certificate is
 * refused. Events without a label take the user's default label, which an administrator sets per user
 * ({@code PUT /api/v1/users/{name}/default-label}: a label the node may hold and the user may read), else
 * the sender's own nation only, the most restrictive marking; connections nobody vouches for (anonymous
 * plain connections, unknown certificates) have no default and their unmarked events are rejected.
 */
public final class CotIdentities {

    /** The name of the anonymous plain identity in logs. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * What the node knows of a user: nation, clearance and accesses, whether the account is enabled, and the
     * label an administrator set for its unlabelled reports (null: its own nation only).
     */
    public record KnownUser(String nation, String clearance, Set<String> accesses, boolean enabled, @Nullable String defaultLabel) {
        public KnownUser(String nation, String clearance, Set<String> accesses, boolean enabled) {
            this(nation, clearance, accesses, enabled, null);
        }

        public KnownUser(String nation, String clearance, Set<String> accesses) {
            this(nation, clearance, accesses, true);
        }

        /** The label of the user's unlabelled reports: the one an administrator set, else its own nation only. */
        public Label defaultLabelOrOwnNation() {
            return CotIdentities.defaultLabel(nation, clearance, defaultLabel);
        }
    }

    /** The label of a user's unlabelled reports: {@code userDefault} (set by an administrator) when set, else its own nation only. */
    public static Label defaultLabel(String nation, String clearance, @Nullable String userDefault) {
        return userDefault == null ? ownNationOnly(nation, clearance) : Label.parse(userDefault);
    }

    /** What a certificate of a user the node does not know gets. */
    public enum UnknownCertificate {
        /** Refused at the handshake (production mode). */
        REFUSE,
        /** A reader of the certificate's nation at its lowest level (UNCLASSIFIED for USA); demo mode. */
        READ_UNCLASSIFIED
    }

    private CotIdentities() {
    }

    /** A configured identity (a certificate-less reader named by the operator, or a test's). */
    public static CotIdentity of(String name, String nation, String clearance, Set<String> accesses) {
        return new CotIdentity(name, nation, Reader.of(nation, clearance, accesses), ownNationOnly(nation, clearance));
    }

    /** A known user as the reader of a plain connection the operator named ({@code kizuna.cot.plain-reader}). */
    public static CotIdentity plainReader(String name, KnownUser user) {
        if (!user.enabled()) throw new IllegalStateException("the plain port's reader " + name + " is disabled");
        return new CotIdentity(name, user.nation(), Reader.of(user.nation(), user.clearance(), user.accesses()),
                user.defaultLabelOrOwnNation(), CotIdentity.Kind.PLAIN_READER);
    }

    /** A plain connection nobody vouches for: reads unclassified items of the node's nation's policy only. */
    public static CotIdentity anonymous(String nodeNation) {
        return new CotIdentity(ANONYMOUS, nodeNation, Reader.of(nodeNation, lowestLevel(nodeNation), Set.of()), null, CotIdentity.Kind.ANONYMOUS);
    }

    /** The label that keeps an item in the originating nation: {@code SECRET//NOFORN} for USA, {@code //JPN SECRET} otherwise. */
    public static Label ownNationOnly(String nation, String clearance) {
        return Label.parse("USA".equals(nation) ? clearance + "//NOFORN" : "//" + nation + " " + clearance);
    }

    /** Demo-mode mapping: unknown certificates read unclassified items only; nothing is revoked. */
    public static Function<X509Certificate, CotIdentity> fromCertificates(Function<String, Optional<KnownUser>> users) {
        return fromCertificates(users, UnknownCertificate.READ_UNCLASSIFIED, cert -> false);
    }

    public static Function<X509Certificate, CotIdentity> fromCertificates(Function<String, Optional<KnownUser>> users,
            UnknownCertificate unknown, Predicate<X509Certificate> revoked) {
        return cert -> {
            String name = NodePki.attribute(cert, BCStyle.CN);
            String nation = NodePki.attribute(cert, BCStyle.OU);
            if (name == null || nation == null) throw new IllegalArgumentException("client certificate names no user (CN) or nation (OU)");
            if (revoked.test(cert))
                throw new IllegalArgumentException("the certificate of " + name + " (serial " + cert.getSerialNumber().toString(16) + ") is revoked");
            Optional<KnownUser> known = users.apply(name);
            if (known.isPresent()) {
                if (!known.get().enabled()) throw new IllegalArgumentException("user " + name + " is disabled");
                if (!known.get().nation().equals(nation)) {
                    throw new IllegalArgumentException("client certificate says " + name + " is " + nation + " but the node knows " + known.get().nation());
                }
                Reader reader = Reader.of(nation, known.get().clearance(), known.get().accesses());
                return new CotIdentity(name, nation, reader, known.get().defaultLabelOrOwnNation(), CotIdentity.Kind.CERTIFICATE);
            }
            if (unknown == UnknownCertificate.REFUSE) throw new IllegalArgumentException("client certificate of " + name + ", a user this node does not know");
            try {
                // the clearance the certificate claims (T) is never trusted: the lowest level of the nation's policy
                return new CotIdentity(name, nation, Reader.of(nation, lowestLevel(nation), Set.of()), null, CotIdentity.Kind.CERTIFICATE);
            } catch (IllegalArgumentException e) { // InvalidMarkingException too
                throw new IllegalArgumentException("client certificate of " + name + ": " + e.getMessage(), e);
            }
        };
    }

    /** The lowest level of a nation's policy (UNCLASSIFIED for USA). */
    static String lowestLevel(String nation) {
        return Policy.ofNation(nation).map(p -> p.levels().getFirst().englishName())
                .orElseThrow(() -> new IllegalArgumentException("no classification policy for nation " + nation));
    }
}
