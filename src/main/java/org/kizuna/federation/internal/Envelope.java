package org.kizuna.federation.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;
import org.kizuna.label.LabelBinding;
import org.kizuna.label.LabelKernel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What leaves for one peer, as canonical JSON (fixed field order, the recipient's nation included so that it cannot be
 * replayed to another node), its label (the roll-up of the released parts' labels; {@code UNCLASSIFIED} when it carries
 * no part) and the binding of that label to the data: SHA-384 digest and the sending node's ECDSA signature (its
 * federation certificate's key) over the label's ADatP-4774 XML and the digest. Three things travel this way:
 * <ul>
 * <li>an {@code item} the sender owns, as the guard released it to the peer (a withdrawal carries no part);</li>
 * <li>a {@code request} about an item the peer owns and sent to the sender (an approval, a comment);</li>
 * <li>an {@code answer} to a request the peer sent, with its reason as an unclassified part (the English text, and as the
 * part's content its code with arguments).</li>
 * </ul>
 */
record Envelope(String data, String banner, String digest, String signature) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String WITHDRAWN = "UNCLASSIFIED";
    /** A part's label in the recipient's policy, beside its own marking. */
    static final String RECIPIENT_MARKING = "recipientMarking";

    /** What an envelope carries, once opened and verified. */
    sealed interface Opened permits Item, Request, Answer {
    }

    record Item(Shareable item) implements Opened {
    }

    /** A request from node {@code from} to this node. */
    record Request(PeerRequest request, String from) implements Opened {
    }

    /**
     * An answer from node {@code from} to request {@code requestId} of this node; {@code reason} is empty when the guard
     * withheld it. {@code reasonCode} is the reason as a code with its arguments ({@code Reason#stored()}), carried as the
     * content of the same part (so withheld with it), empty from a node that sends none.
     */
    record Answer(String requestId, String from, boolean accepted, String reason, String reasonCode) implements Opened {
    }

    /**
     * Encodes the released parts of {@code item} for the node of {@code to} and binds its label to the data by the data's
     * digest; the signature over the label and the digest is the batch's ({@link Frames#batch}): the sender signs each
     * batch of envelopes it sends once, with every envelope's label and digest in what it signs.
     */
    static Envelope seal(Shareable item, List<Shareable.Part> released, String to, LabelKernel kernel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", item.kind());
        m.put("id", item.id());
        m.put("ownerNation", item.ownerNation());
        m.put("ownerNode", item.ownerNode());
        m.put("version", item.version());
        m.put("to", to);
        m.put("header", released.isEmpty() ? Map.of() : new TreeMap<>(item.header()));
        m.put("parts", parts(released, to, kernel));
        return bind(m, released, kernel);
    }

    /** Encodes and signs a request of node {@code from} with its released parts, for the owner node {@code to}. */
    static Envelope sealRequest(PeerRequest r, List<Shareable.Part> released, String from, String to, LabelKernel kernel, PrivateKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "request");
        m.put("kind", r.kind());
        m.put("id", r.id());
        m.put("aboutKind", r.aboutKind());
        m.put("aboutId", r.aboutId());
        m.put("from", from);
        m.put("to", to);
        if (r.to() != null) m.put("addressed", true);
        m.put("header", new TreeMap<>(r.header()));
        m.put("parts", parts(released, to, kernel));
        return sign(m, released, kernel, key);
    }

    /** Encodes and signs an answer of node {@code from} to request {@code requestId} of node {@code to}. */
    static Envelope sealAnswer(String requestId, boolean accepted, List<Shareable.Part> reason, String from, String to, LabelKernel kernel, PrivateKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "answer");
        m.put("request", requestId);
        m.put("accepted", accepted);
        m.put("from", from);
        m.put("to", to);
        m.put("parts", parts(reason, to, kernel));
        return sign(m, reason, kernel, key);
    }

    /**
     * The parts as they leave for the node of {@code to}: each with its own (the originator's) marking and, as
     * {@code recipientMarking}, its label in the recipient's policy ({@link LabelKernel#inPolicyOf}), both inside the
     * signed data. The guard releases a part only where its level has an equivalent there, so the form exists; were it
     * missing the field is empty and the recipient refuses the envelope.
     */
    private static List<Map<String, String>> parts(List<Shareable.Part> released, String to, LabelKernel kernel) {
        List<Map<String, String>> parts = new ArrayList<>();
        for (Shareable.Part p : released) {
            Map<String, String> x = new LinkedHashMap<>();
            x.put("id", p.id());
            x.put("marking", p.marking());
            x.put(RECIPIENT_MARKING, kernel.inPolicyOf(p.label(), to).map(Label::banner).orElse(""));
            x.put("text", p.text());
            x.put("content", p.content());
            parts.add(x);
        }
        return parts;
    }

    /** The envelope of this data with its label and the data's digest, to be signed with its batch. */
    private static Envelope bind(Map<String, Object> m, List<Shareable.Part> released, LabelKernel kernel) {
        byte[] data = JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
        Label label = released.isEmpty() ? Label.parse(WITHDRAWN) : kernel.rollUp(released.stream().map(Shareable.Part::label).toList());
        return new Envelope(new String(data, StandardCharsets.UTF_8), label.banner(), Base64.getEncoder().encodeToString(sha384(data)), "");
    }

    static byte[] sha384(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-384 is missing from this JVM", e);
        }
    }

    private static Envelope sign(Map<String, Object> m, List<Shareable.Part> released, LabelKernel kernel, PrivateKey key) {
        byte[] data = JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
        Label label = released.isEmpty() ? Label.parse(WITHDRAWN) : kernel.rollUp(released.stream().map(Shareable.Part::label).toList());
        LabelBinding b = LabelBinding.bind(label, data, key);
        Base64.Encoder e = Base64.getEncoder();
        return new Envelope(new String(data, StandardCharsets.UTF_8), label.banner(), e.encodeToString(b.dataDigest()), e.encodeToString(b.signature()));
    }

    /** The length of the envelope as a frame carries it, at most (every character escaped). */
    long frameBytesAtMost() {
        return 6L * (data.length() + banner.length() + digest.length() + signature.length()) + 512;
    }

    /** Whether the envelope carries no signature of its own (its batch's signature binds its label and digest). */
    boolean signedWithBatch() {
        return signature.isEmpty();
    }

    /**
     * Verifies the binding with the sender's key and decodes what the envelope carries; every refusal is an
     * IllegalArgumentException whose message says what was wrong, for the link's log.
     */
    Opened open(PublicKey sender, String expectedTo, LabelKernel kernel) {
        return open(sender, expectedTo, kernel, false);
    }

    /**
     * As {@link #open(PublicKey, String, LabelKernel)}; {@code batchVerified}: the envelope came in a batch whose signature
     * (over every envelope's sequence, label and digest) verified with the sender's key, so an envelope with no signature
     * of its own is bound when its data has its digest. An envelope with no signature outside such a batch is refused.
     */
    Opened open(PublicKey sender, String expectedTo, LabelKernel kernel, boolean batchVerified) {
        Label label;
        try {
            label = Label.parse(banner);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the envelope's label '" + banner + "' does not parse");
        }
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        LabelBinding binding;
        try {
            binding = new LabelBinding(label, Base64.getDecoder().decode(digest), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the envelope's digest or signature is not base64");
        }
        if (signedWithBatch()) {
            if (!batchVerified || !MessageDigest.isEqual(sha384(bytes), binding.dataDigest())) {
                throw new IllegalArgumentException(
                        "the label binding does not verify with the sender's certificate (label or data changed after signing, or the batch's signature is wrong)");
            }
        } else if (!binding.verifies(bytes, sender)) {
            throw new IllegalArgumentException("the label binding does not verify with the sender's certificate (label or data changed after signing)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the envelope's data is not JSON");
        }
        if (!expectedTo.equals(root.path("to").asString(""))) {
            throw new IllegalArgumentException("the item was sealed for " + root.path("to").asString("") + ", not for this node (" + expectedTo + ")");
        }
        List<Shareable.Part> parts = new ArrayList<>();
        for (JsonNode p : root.path("parts")) {
            Shareable.Part part = new Shareable.Part(p.path("id").asString(""), p.path("marking").asString(""), p.path("text").asString(""),
                    p.path("content").asString(""));
            checkRecipientMarking(part, p.path(RECIPIENT_MARKING).asString(""), expectedTo, kernel);
            parts.add(part);
        }
        // the bound label is the sender's roll-up, written in the sender's policy; this node decides each part under the
        // part's own label (signed with the data), so a roll-up here only has to exist
        if (!parts.isEmpty()) {
            try {
                kernel.rollUp(parts.stream().map(Shareable.Part::label).toList());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the item's parts have labels with no common banner: " + e.getMessage());
            }
        }
        try {
            return switch (root.path("type").asString("item")) {
                case "item" -> new Item(new Shareable(root.path("kind").asString(""), root.path("id").asString(""), root.path("ownerNation").asString(""),
                        root.path("ownerNode").asString(""), root.path("version").asLong(0), header(root), parts));
                case "request" -> new Request(new PeerRequest(root.path("kind").asString(""), root.path("id").asString(""),
                        root.path("aboutKind").asString(""), root.path("aboutId").asString(""), header(root), parts,
                        root.path("addressed").asBoolean(false) ? root.path("to").asString("") : null), root.path("from").asString(""));
                case "answer" -> new Answer(root.path("request").asString(""), root.path("from").asString(""), root.path("accepted").asBoolean(false),
                        parts.stream().filter(p -> p.id().equals("reason")).map(Shareable.Part::text).findFirst().orElse(""),
                        parts.stream().filter(p -> p.id().equals("reason")).map(Shareable.Part::content).findFirst().orElse(""));
                default -> throw new IllegalArgumentException("an envelope of an unknown type '" + root.path("type").asString("") + "'");
            };
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("the envelope lacks a field: " + e.getMessage());
        }
    }

    /**
     * The part's label in this node's policy must be exactly what this node's own tables make of the originator's label:
     * a form this node's tables do not give (tables out of step between the two nodes, or a label edited before signing)
     * refuses the envelope, and it is never guessed. The originator's label stays the one every decision is taken under.
     */
    static void checkRecipientMarking(Shareable.Part part, String carried, String nation, LabelKernel kernel) {
        Label own;
        try {
            own = part.label();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("part " + part.id() + " has a label that does not parse: " + part.marking());
        }
        String policy = org.kizuna.label.Policy.ofNation(nation).map(org.kizuna.label.Policy::id).orElse(nation);
        Label expected = kernel.inPolicyOf(own, nation).orElse(null);
        if (expected != null && carried.equals(expected.banner())) return;
        // refused: the words name the equivalence table this node uses, for an operator to compare
        String tables = tables(kernel, own.policy().id(), policy);
        if (expected == null) {
            throw new IllegalArgumentException("part " + part.id() + " (" + own.banner() + ") has no equivalent in " + policy + "'s policy in this node's "
                    + tables + "; it was released as '" + carried + "': the two nodes' equivalence tables are out of step");
        }
        if (carried.isEmpty()) {
            throw new IllegalArgumentException("part " + part.id() + " (" + own.banner() + ") came without its label in " + policy
                    + "'s policy (a sender that does not re-label its parts): refused");
        }
        if (!carried.equals(expected.banner())) {
            throw new IllegalArgumentException("part " + part.id() + " (" + own.banner() + ") came marked '" + carried + "' in " + policy
                    + "'s policy, and this node's "
                    + tables + " makes it '" + expected.banner() + "': the two nodes' equivalence tables are out of step; bring them to the same version");
        }
    }

    /** The equivalence table between two policies this node uses, named with its version, for an operator to compare. */
    private static String tables(LabelKernel kernel, String a, String b) {
        if (a.equals(b)) return "policy " + a;
        return kernel.equivalenceTables().stream()
                .filter(t -> (t.policyA().equals(a) && t.policyB().equals(b)) || (t.policyA().equals(b) && t.policyB().equals(a)))
                .map(t -> "equivalence table " + t.policyA() + "-" + t.policyB() + " version " + t.version()).findFirst()
                .orElse("equivalence tables (no " + a + "-" + b + " table)");
    }

    private static Map<String, String> header(JsonNode root) {
        Map<String, String> header = new TreeMap<>();
        root.path("header").properties().forEach(e -> header.put(e.getKey(), e.getValue().asString("")));
        return header;
    }
}
