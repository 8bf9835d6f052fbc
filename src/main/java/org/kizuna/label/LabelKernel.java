package org.kizuna.label;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.internal.LabelData;
import org.kizuna.node.Reason;

/**
 * The read decision, the banner roll-up and the outbound guard of a node, as plain Java over ordinals
 * and bit sets. Immutable and thread-safe; {@link #standard()} loads the shipped policies, equivalence
 * tables and tetragraph membership once. Anything unknown or unmapped means deny.
 */
public final class LabelKernel {

    private static volatile @Nullable LabelKernel standard;

    /** [item policy][reader policy][item rank] = rank in the reader's policy, or -1 when there is no equivalent. */
    private final byte[][][] map;
    private final List<EquivalenceTable> tables;
    private final LabelData.Membership membership;
    private final @Nullable Clock clock;
    private final @Nullable LocalDate fixedDay;
    private volatile Members members;
    private final int nodeCountry;
    private final int nodePolicy;
    private final int nodeMax;
    private final ContentInspector inspector;

    /** Tetragraph membership for a span of days; replaced when the day passes a membership change. */
    private record Members(long[] masks, long validUntilMillis) {
    }

    private LabelKernel(byte[][][] map, List<EquivalenceTable> tables, LabelData.Membership membership, @Nullable Clock clock,
            @Nullable LocalDate fixedDay, int nodeCountry, int nodePolicy, int nodeMax) {
        this.map = map;
        this.tables = tables;
        this.membership = membership;
        this.clock = clock;
        this.fixedDay = fixedDay;
        this.nodeCountry = nodeCountry;
        this.nodePolicy = nodePolicy;
        this.nodeMax = nodeMax;
        this.members = members(fixedDay != null ? fixedDay : LocalDate.now(Objects.requireNonNull(clock, "a clock or a fixed day").withZone(ZoneOffset.UTC)));
        this.inspector = new ContentInspector();
    }

    /**
     * The shipped tables; membership of tetragraphs follows the UTC calendar day of the system's UTC clock. For the CLI's
     * offline use and tests; a node's kernel follows the node's clock ({@link #standard(Clock)}).
     */
    public static LabelKernel standard() {
        LabelKernel k = standard;
        if (k == null) {
            synchronized (LabelKernel.class) {
                k = standard;
                if (k == null) {
                    k = load(LabelData.equivalences(), LabelData.membership(), Clock.systemUTC(), null);
                    standard = k;
                }
            }
        }
        return k;
    }

    /** The shipped tables (loaded once, shared with {@link #standard()}); membership of tetragraphs follows the UTC day of {@code clock}. */
    public static LabelKernel standard(Clock clock) {
        return standard().following(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A kernel from other versions of the equivalence and membership tables (classpath resources in the
     * format of {@code label/equivalences.yaml} and {@code label/tetragraphs.yaml}), on a fixed day.
     */
    public static LabelKernel fromResources(String equivalences, String tetragraphs, LocalDate day) {
        return load(LabelData.equivalences(equivalences), LabelData.membership(tetragraphs), null, day);
    }

    /** As {@link #fromResources(String, String, LocalDate)}, following the day of {@code clock} (UTC) as it advances. */
    public static LabelKernel fromResources(String equivalences, String tetragraphs, Clock clock) {
        return load(LabelData.equivalences(equivalences), LabelData.membership(tetragraphs), clock, null);
    }

    private static LabelKernel load(List<LabelData.EquivalenceRow> rows, LabelData.Membership membership, @Nullable Clock clock,
            @Nullable LocalDate day) {
        Vocabulary v = Vocabulary.INSTANCE;
        for (LabelData.TetragraphRow t : membership.tetragraphs()) {
            if (v.tetragraph(t.code()) < 0) {
                throw new IllegalStateException("membership table " + membership.version() + " names unknown tetragraph " + t.code());
            }
            for (LabelData.MemberRow m : t.members()) {
                if (v.country(m.country()) < 0) {
                    throw new IllegalStateException("tetragraph " + t.code() + " lists unknown country " + m.country());
                }
            }
        }
        List<Policy> policies = v.policies();
        int n = policies.size();
        byte[][][] map = new byte[n][n][];
        for (Policy p : policies) {
            byte[] identity = new byte[p.levels().size()];
            for (int i = 0; i < identity.length; i++) identity[i] = (byte) i;
            map[p.index()][p.index()] = identity;
        }
        List<EquivalenceTable> tables = new ArrayList<>();
        for (LabelData.EquivalenceRow row : rows) {
            Policy a = Policy.of(row.a());
            Policy b = Policy.of(row.b());
            if (a == b || map[a.index()][b.index()] != null) {
                throw new IllegalStateException("equivalence table " + row.a() + "-" + row.b() + " is repeated or maps a policy to itself");
            }
            byte[] ab = filled(a.levels().size());
            byte[] ba = filled(b.levels().size());
            for (List<String> pair : row.rows()) {
                Level la = levelOf(a, pair.get(0), row);
                Level lb = levelOf(b, pair.get(1), row);
                // Several rows for one level: take the highest partner level, so the partner protects more, never less.
                ab[la.rank()] = (byte) Math.max(ab[la.rank()], lb.rank());
                ba[lb.rank()] = (byte) Math.max(ba[lb.rank()], la.rank());
            }
            checkMonotone(ab, row);
            checkMonotone(ba, row);
            map[a.index()][b.index()] = ab;
            map[b.index()][a.index()] = ba;
            tables.add(new EquivalenceTable(row.a(), row.b(), row.version(), row.source(), row.note(), row.assumption(), row.rows()));
        }
        return new LabelKernel(map, List.copyOf(tables), membership, clock, day, -1, -1, -1);
    }

    private static Level levelOf(Policy p, String name, LabelData.EquivalenceRow row) {
        Level l = p.levelOrNull(name);
        if (l == null) {
            throw new IllegalStateException("equivalence table " + row.a() + "-" + row.b() + " names '" + name + "', not a level of " + p.id());
        }
        return l;
    }

    /** A higher level must never map lower than a lower one, or a roll-up could weaken a part's protection. */
    private static void checkMonotone(byte[] mapping, LabelData.EquivalenceRow row) {
        int highest = -1;
        for (byte b : mapping) {
            if (b < 0) continue;
            if (b < highest) {
                throw new IllegalStateException("equivalence table " + row.a() + "-" + row.b() + " maps a higher level to a lower one");
            }
            highest = b;
        }
    }

    private static byte[] filled(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) -1);
        return b;
    }

    /** This kernel following the UTC day of {@code clock} (tetragraph membership of each day as it comes). */
    private LabelKernel following(Clock clock) {
        return new LabelKernel(map, tables, membership, clock, null, nodeCountry, nodePolicy, nodeMax);
    }

    /** This kernel deciding as of a fixed day (tetragraph membership of that day). */
    public LabelKernel asOf(LocalDate day) {
        return new LabelKernel(map, tables, membership, null, day, nodeCountry, nodePolicy, nodeMax);
    }

    /** This kernel on a node of {@code nation}, accredited up to {@code maxLevel} of its policy (rule 5). */
    public LabelKernel forNode(String nation, String maxLevel) {
        Vocabulary v = Vocabulary.INSTANCE;
        int c = v.country(nation);
        if (c < 0 || v.countryPolicy[c] < 0) {
            throw InvalidMarkingException.of("label.invalid.node-nation", String.valueOf(v.policyIds()), nation);
        }
        Policy p = v.policies().get(v.countryPolicy[c]);
        return new LabelKernel(map, tables, membership, clock, fixedDay, c, p.index(), p.level(maxLevel).rank());
    }

    /** The policy of this kernel's node ({@link #forNode}); empty for a kernel on no node. */
    public Optional<Policy> nodePolicy() {
        return nodePolicy < 0 ? Optional.empty() : Optional.of(Vocabulary.INSTANCE.policies().get(nodePolicy));
    }

    /** The equivalence tables in force. */
    public List<EquivalenceTable> equivalenceTables() {
        return tables;
    }

    /** The version of the tetragraph membership table in force. */
    public String membershipVersion() {
        return membership.version();
    }

    /** Members of a tetragraph on the kernel's day, in canonical order. */
    public List<String> members(String tetragraph) {
        int t = Vocabulary.INSTANCE.tetragraph(tetragraph);
        if (t < 0) {
            throw InvalidMarkingException.of("label.invalid.unknown-tetragraph", tetragraph);
        }
        return Label.names(currentMembers().masks[t], 0);
    }

    /** The rank in {@code readerPolicy} equivalent to {@code level} of {@code itemPolicy}, or -1 when there is none. */
    public int equivalentRank(Policy itemPolicy, Level level, Policy readerPolicy) {
        byte[] m = map[itemPolicy.index()][readerPolicy.index()];
        return m == null ? -1 : m[level.rank()];
    }

    /**
     * The label expressed in {@code partner}'s policy, where the bilateral table has an equivalent for its level: the
     * partner's level that the item's level maps to (the highest the table pairs with it, as every decision maps it),
     * with the owner (originator), restrictive controls, releasability, permissive tags and communities unchanged. Empty
     * when there is no table or no row for the level: such a label is never given a guessed level (and the guard does
     * not release it to that partner). In the item's own policy it is the label itself.
     * <p>
     * Releasability keeps its meaning where the level changes between unclassified and classified: an item for its owner
     * only (unmarked classified) whose equivalent is an unclassified level is written {@code NOFORN}, so it stays with
     * its owner; an unmarked unclassified item (releasable to every nation) whose equivalent is a level the partner's
     * policy counts as classified (GBR and AUS {@code OFFICIAL}) stays unmarked, which reads as its owner only: stricter
     * than the original, never wider. Equivalence is not transitive, so the form is for showing and checking the
     * item in the partner's policy; the read decision stays with the originator's label.
     */
    public Optional<Label> inPolicy(Label label, Policy partner) {
        if (label.policyIndex == partner.index()) return Optional.of(label);
        byte[] m = map[label.policyIndex][partner.index()];
        int mapped = m == null ? -1 : m[label.level];
        if (mapped < 0) return Optional.empty();
        int releasability = label.releasability;
        if (releasability == Label.UNMARKED && label.level().classified() && !partner.level(mapped).classified()) {
            releasability = Label.NOFORN;
        }
        return Optional.of(new Label(partner, mapped, label.controls, releasability, label.relCountries, label.relTetras, label.owner,
                label.permissiveTags(), label.communities()));
    }

    /** {@link #inPolicy(Label, Policy)} in the policy of {@code nation}; empty when the nation has no policy or the level no equivalent. */
    public Optional<Label> inPolicyOf(Label label, String nation) {
        return Policy.ofNation(nation).flatMap(p -> inPolicy(label, p));
    }

    /** A reader compiled for {@link #mayRead(Label, Clearance)}. */
    public Clearance clearance(Reader reader) {
        return new Clearance(reader);
    }

    /**
     * Whether the reader may read the item: the allocation-free form of {@link #decide}. When one reader
     * reads many items, {@link #mayRead(Label, Clearance)} saves the reader's two table look-ups per item.
     */
    public boolean mayRead(Label item, Reader reader) {
        Vocabulary v = Vocabulary.INSTANCE;
        // Readers hold the vocabulary's own nation strings, so an identity scan of the few nations with a
        // policy finds the indices without hashing; the map look-up is the fallback.
        String nation = reader.nation();
        int country = -1;
        int policy = -1;
        String[] nations = v.policyNations;
        for (int i = 0; i < nations.length; i++) {
            if (sameString(nations[i], nation)) {
                country = v.policyNationCountry[i];
                policy = v.policyNationPolicy[i];
                break;
            }
        }
        if (country < 0) {
            country = v.country(nation);
            policy = v.countryPolicy[country];
        }
        byte[] m = map[item.policyIndex][policy];
        if (m == null) return false;
        int mapped = m[item.level];
        if (mapped < 0 || mapped > v.policyArray[policy].rankOf(reader.level())) return false;
        if (!releasableTo(item, 1L << country)) return false;
        if (item.controls != 0 && (item.controls & ~((HeldAccesses) reader.accesses()).controls) != 0) return false;
        if (item.extras && !extrasAllow(item, reader)) return false;
        return nodeCountry < 0 || nodeMayHold(item);
    }

    /** The hot path: rules 1 to 6 over ordinals and bit sets. */
    public boolean mayRead(Label item, Clearance c) {
        byte[] m = map[item.policyIndex][c.policy];
        if (m == null) return false;
        int mapped = m[item.level];
        if (mapped < 0 || mapped > c.rank) return false;
        if (!releasableTo(item, c.countryBit)) return false;
        if ((item.controls & ~c.controls) != 0) return false;
        if (item.extras && !extrasAllow(item, c.reader)) return false;
        return nodeCountry < 0 || nodeMayHold(item);
    }

    /**
     * Rule 5 alone: whether this kernel's node may hold the item at all (its accredited level and its
     * nation in the item's releasability); always true for a kernel on no node. An item the node may not
     * hold is readable by nobody on it, so a module refuses to take it in rather than keep it unseen.
     */
    public boolean mayHold(Label item) {
        return nodeCountry < 0 || nodeMayHold(item);
    }

    /** The reason rule 5 keeps the item off this node, in English; null when the node may hold it. */
    public @Nullable String holdRefusal(Label item) {
        Reason r = nodeDeny(item);
        return r == null ? null : r.english();
    }

    /**
     * The reason rule 5 keeps the item off this node, as a code and arguments ({@code label.decision.rule5-*}) to be
     * told in the reader's language; null when the node may hold it. It names only the item's own label and the node.
     */
    public @Nullable Reason holdReason(Label item) {
        return nodeDeny(item);
    }

    /** The read decision with the reason of a deny. */
    public Decision decide(Label item, Reader reader) {
        Clearance c = new Clearance(reader);
        Policy readerPolicy = Vocabulary.INSTANCE.policies().get(c.policy);
        byte[] m = map[item.policyIndex][c.policy];
        int mapped = m == null ? -1 : m[item.level];
        if (mapped < 0) {
            return Decision.deny(m == null
                    ? Reason.of("label.decision.rule1-no-table", item.policy.id(), item.level().englishName(), readerPolicy.id())
                    : Reason.of("label.decision.rule1-no-equivalent", item.policy.id(), item.level().englishName(), readerPolicy.id()));
        }
        if (mapped > c.rank) {
            return Decision.deny(item.policyIndex == c.policy
                    ? Reason.of("label.decision.rule1-below", reader.nation(), reader.level(), readerPolicy.level(mapped).englishName())
                    : Reason.of("label.decision.rule1-below-equivalent", reader.nation(), reader.level(), readerPolicy.level(mapped).englishName(),
                            readerPolicy.id(), item.policy.id(), item.level().englishName()));
        }
        if (!releasableTo(item, c.countryBit)) {
            return Decision.deny(Reason.of("label.decision.rule2", reader.nation(), releasability(item)));
        }
        if ((item.controls & ~c.controls) != 0) {
            List<String> missing = new ArrayList<>();
            for (String control : item.controls()) {
                if (!reader.accesses().contains(control)) missing.add(control);
            }
            return Decision.deny(Reason.of("label.decision.rule3", String.join(", ", missing)));
        }
        if (item.extras) {
            Reason deny = extrasDeny(item, reader);
            if (deny != null) return Decision.deny(deny);
        }
        Reason deny = nodeDeny(item);
        return deny == null ? Decision.allow() : Decision.deny(deny);
    }

    private static @Nullable Reason extrasDeny(Label item, Reader reader) {
        for (Map.Entry<String, SortedSet<String>> tag : item.permissiveTags().entrySet()) {
            if (!holdsAny(reader.accesses(), tag.getValue())) {
                return Reason.of("label.decision.rule4", tag.getKey(), String.valueOf(tag.getValue()));
            }
        }
        if (!item.communities().isEmpty()) {
            for (String coi : item.communities()) {
                if (reader.communities().contains(coi)) return null;
            }
            return Reason.of("label.decision.rule6", String.valueOf(item.communities()));
        }
        return null;
    }

    /** Rules 4 and 6 without building a reason, for the hot path. */
    private static boolean extrasAllow(Label item, Reader reader) {
        for (SortedSet<String> values : item.permissiveTags().values()) {
            if (!holdsAny(reader.accesses(), values)) return false;
        }
        return item.communities().isEmpty() || holdsAny(reader.communities(), item.communities());
    }

    /** Rule 5 without building a reason, for the hot path. */
    private boolean nodeMayHold(Label item) {
        byte[] m = map[item.policyIndex][nodePolicy];
        int mapped = m == null ? -1 : m[item.level];
        return mapped >= 0 && mapped <= nodeMax && releasableTo(item, 1L << nodeCountry);
    }

    private static boolean holdsAny(Set<String> held, Set<String> values) {
        for (String v : values) {
            if (held.contains(v)) return true;
        }
        return false;
    }

    /** Rule 5 with the reason of a deny; null when the item may be held, or when the kernel is on no node. */
    private @Nullable Reason nodeDeny(Label item) {
        if (nodeCountry < 0) return null;
        Vocabulary v = Vocabulary.INSTANCE;
        byte[] m = map[item.policyIndex][nodePolicy];
        int mapped = m == null ? -1 : m[item.level];
        if (mapped < 0 || mapped > nodeMax) {
            return Reason.of("label.decision.rule5-level", v.countries[nodeCountry], v.policies().get(nodePolicy).level(nodeMax).englishName(),
                    item.policy.id(), item.level().englishName());
        }
        if (!releasableTo(item, 1L << nodeCountry)) {
            return Reason.of("label.decision.rule5-releasability", v.countries[nodeCountry], releasability(item));
        }
        return null;
    }

    private String releasability(Label item) {
        if (item.releasability == Label.REL) return "REL TO " + String.join(", ", item.releasableTo());
        if (item.releasability == Label.NOFORN) return "NOFORN: " + item.owner + " only";
        return "no releasability marking: " + item.owner + " only";
    }

    /** Whether the item's releasability, its tetragraphs expanded on the kernel's day, includes the country of {@code countryBit}. */
    private boolean releasableTo(Label item, long countryBit) {
        return (item.releaseCountries & countryBit) != 0 || (item.releaseTetras != 0 && (expand(item.releaseTetras) & countryBit) != 0);
    }

    /** Countries of these tetragraphs on the kernel's day. */
    private long expand(long tetras) {
        long[] masks = currentMembers().masks;
        long out = 0;
        for (long t = tetras; t != 0; t &= t - 1) {
            out |= masks[Long.numberOfTrailingZeros(t)];
        }
        return out;
    }

    private Members currentMembers() {
        Members ms = members;
        if (clock != null && clock.millis() >= ms.validUntilMillis) {
            ms = members(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            members = ms;
        }
        return ms;
    }

    private Members members(LocalDate day) {
        Vocabulary v = Vocabulary.INSTANCE;
        long[] masks = new long[v.tetragraphs.length];
        LocalDate next = LocalDate.MAX;
        for (LabelData.TetragraphRow t : membership.tetragraphs()) {
            int ti = v.tetragraph(t.code());
            for (LabelData.MemberRow m : t.members()) {
                if (m.memberOn(day)) masks[ti] |= 1L << v.country(m.country());
                if (m.from().isAfter(day) && m.from().isBefore(next)) next = m.from();
                if (m.until() != null && m.until().isAfter(day) && m.until().isBefore(next)) next = m.until();
            }
        }
        long until = clock == null || next.equals(LocalDate.MAX) ? Long.MAX_VALUE : next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new Members(masks, until);
    }

    /**
     * The banner of a compound item: the highest level, the union of restrictive controls, the
     * intersection of releasability (NOFORN or unmarked parts count as their owner only) and of each
     * permissive tag's values. Parts of different policies are rolled up in the node's policy (USA when
     * no node is set); a part with no equivalent there cannot be rolled up. A US-policy roll-up whose
     * releasability came down to the owner alone is written NOFORN ({@code (C//REL TO USA, GBR)} with
     * {@code (S//REL TO USA, JPN)} is {@code SECRET//NOFORN}) unless no part carried a releasability marking.
     *
     * @throws InvalidMarkingException when there are no parts, a part has no equivalent, or no nation could read every part
     */
    public Label rollUp(Collection<Label> parts) {
        if (parts.isEmpty()) {
            throw InvalidMarkingException.of("label.invalid.rollup-nothing");
        }
        Vocabulary v = Vocabulary.INSTANCE;
        Label first = parts.iterator().next();
        boolean samePolicy = parts.stream().allMatch(p -> p.policyIndex == first.policyIndex);
        Policy home = samePolicy ? first.policy : v.policies().get(nodePolicy >= 0 ? nodePolicy : Policy.of("USA").index());
        boolean sameOwner = parts.stream().allMatch(p -> p.owner.equals(first.owner));
        String owner = sameOwner ? first.owner : v.countries[nodeCountry >= 0 ? nodeCountry : 0];

        int level = 0;
        long controls = 0;
        long andCountries = -1L;
        long andTetras = -1L;
        long andExpanded = -1L;
        boolean anyNoforn = false;
        boolean anyList = false;
        boolean allOpen = true;
        TreeMap<String, Set<String>> tags = new TreeMap<>();
        Set<String> communities = null;
        for (Label p : parts) {
            byte[] m = map[p.policyIndex][home.index()];
            int mapped = m == null ? -1 : m[p.level];
            if (mapped < 0) {
                throw InvalidMarkingException.of("label.invalid.rollup-no-equivalent", String.valueOf(p), p.policy.id(), p.level().englishName(), home.id());
            }
            level = Math.max(level, mapped);
            controls |= p.controls;
            andCountries &= p.releaseCountries;
            andTetras &= p.releaseTetras & v.allTetragraphs;
            andExpanded &= p.releaseCountries | expand(p.releaseTetras & v.allTetragraphs);
            anyNoforn |= p.releasability == Label.NOFORN;
            anyList |= p.releasability == Label.REL;
            allOpen &= p.releaseCountries == -1L;
            for (Map.Entry<String, SortedSet<String>> tag : p.permissiveTags().entrySet()) {
                Set<String> have = tags.get(tag.getKey());
                if (have == null) {
                    tags.put(tag.getKey(), new TreeSet<>(tag.getValue()));
                } else {
                    have.retainAll(tag.getValue());
                    if (have.isEmpty()) {
                        throw InvalidMarkingException.of("label.invalid.rollup-no-tag-value", tag.getKey());
                    }
                }
            }
            if (!p.communities().isEmpty()) {
                if (communities == null) {
                    communities = new TreeSet<>(p.communities());
                } else {
                    communities.retainAll(p.communities());
                    if (communities.isEmpty()) {
                        throw InvalidMarkingException.of("label.invalid.rollup-no-community");
                    }
                }
            }
        }
        Label.Builder b = Label.builder(home, home.level(level).englishName()).owner(owner);
        tags.forEach((tag, values) -> b.permissive(tag, values.toArray(String[]::new)));
        if (communities != null) b.communities(communities.toArray(String[]::new));
        if (allOpen && samePolicy) {
            return b.bits(controls, Label.UNMARKED, 0, 0).build();
        }
        // A country stays if every part releases to it; a tetragraph stays symbolic only if every part names it.
        long tetras = allOpen ? 0 : andTetras;
        long countries = allOpen ? v.allCountries : (andExpanded & ~expand(tetras)) | (andCountries & andExpanded);
        int ownerCountry = v.country(owner);
        int ownerTetra = v.tetragraph(owner);
        long ownerCountryBit = ownerCountry >= 0 ? 1L << ownerCountry : 0;
        long ownerTetraBit = ownerTetra >= 0 ? 1L << ownerTetra : 0;
        if (!samePolicy) {
            // Across policies a partner must be able to read every part in its own policy, and the rolled-up
            // level must map at least as high as each part does; tetragraphs are expanded to check each member.
            long keep = 0;
            for (long c = countries | expand(tetras); c != 0; c &= c - 1) {
                int country = Long.numberOfTrailingZeros(c);
                if (readsEveryPart(country, home, level, parts)) keep |= 1L << country;
            }
            countries = keep;
            tetras = 0;
        } else {
            // Within one policy, a level may have an agreed equivalent in a partner's policy that a lower part's level
            // lacks (AUS PROTECTED is US CONFIDENTIAL; AUS OFFICIAL:Sensitive has none): a partner that could read the
            // rolled-up level but not every part is dropped from the list, so the roll-up never opens what a part
            // keeps closed. A partner that cannot read the rolled-up level anyway stays, and so does the owner.
            long all = countries | expand(tetras);
            long keep = 0;
            for (long c = all; c != 0; c &= c - 1) {
                int country = Long.numberOfTrailingZeros(c);
                if (country == ownerCountry || !readsLevel(country, home, level) || readsEveryPart(country, home, level, parts)) keep |= 1L << country;
            }
            if (keep != all) {
                // a tetragraph stays symbolic only while every member stays
                long keptTetras = 0;
                for (long t = tetras; t != 0; t &= t - 1) {
                    long bit = t & -t;
                    if ((expand(bit) & ~keep) == 0) keptTetras |= bit;
                }
                countries = keep & ~(expand(keptTetras) & ~countries);
                tetras = keptTetras;
            }
        }
        boolean ownerIncluded = ownerCountry >= 0 ? (countries & ownerCountryBit) != 0 : (tetras & ownerTetraBit) != 0;
        if (!ownerIncluded) {
            throw InvalidMarkingException.of("label.invalid.rollup-no-owner", owner);
        }
        boolean ownerOnly = (countries & ~ownerCountryBit) == 0 && (tetras & ~ownerTetraBit) == 0;
        if (ownerOnly) {
            // Written as the home policy writes "own nation only" (see CotIdentities.ownNationOnly): the US policy
            // says NOFORN once a part's REL TO list was narrowed to the owner, while parts that carried no
            // releasability marking roll up unmarked like them; other policies write it as the bare national level.
            // A part's own NOFORN is kept in every policy. Both forms decide alike: the owner only.
            boolean classified = home.level(level).classified();
            boolean noforn = anyNoforn || !classified || (anyList && home.id().equals("USA"));
            return b.bits(controls, noforn ? Label.NOFORN : Label.UNMARKED, 0, 0).build();
        }
        return b.bits(controls, Label.REL, countries, tetras).build();
    }

    /** Whether readers of the country's policy could read the home policy's level at all (an agreed equivalent). */
    private boolean readsLevel(int country, Policy home, int level) {
        int policy = Vocabulary.INSTANCE.countryPolicy[country];
        if (policy < 0) return false;
        byte[] h = map[home.index()][policy];
        return h != null && h[level] >= 0;
    }

    private boolean readsEveryPart(int country, Policy home, int level, Collection<Label> parts) {
        int policy = Vocabulary.INSTANCE.countryPolicy[country];
        if (policy < 0) return false;
        byte[] h = map[home.index()][policy];
        if (h == null || h[level] < 0) return false;
        for (Label p : parts) {
            byte[] m = map[p.policyIndex][policy];
            if (m == null || m[p.level] < 0 || m[p.level] > h[level]) return false;
        }
        return true;
    }

    /**
     * Whether {@code higher} protects at least as much as {@code lower} for every reader: an override of a
     * rolled-up banner must satisfy this (it may raise a banner, never lower it).
     */
    public boolean dominates(Label higher, Label lower) {
        try {
            Label rolled = rollUp(List.of(higher, lower));
            if (rolled.equals(higher)) return true;
            // An unmarked classified label and the same label marked NOFORN both keep the item with its owner.
            return higher.releasability == Label.UNMARKED && higher.level().classified() && rolled.releasability == Label.NOFORN
                    && rolled.equals(higher.toBuilder().noforn().build());
        } catch (InvalidMarkingException e) {
            return false;
        }
    }

    /**
     * The guard's content inspection alone: why {@code content} may not be carried under {@code label} (it
     * carries a classification word, portion mark, NOFORN or a codeword above the label), or null when it may.
     * For a module that takes free text under a label that is already decided (a CoT event's detail elements).
     */
    public @Nullable String inspect(String content, Label label) {
        Reason r = inspector.inspect(content, label, this);
        return r == null ? null : r.english();
    }

    /** The guard on the link to {@code toNation}, accredited up to that nation's highest level. */
    public GuardResult guard(Label declaredBanner, List<Portion> portions, String toNation) {
        return guard(declaredBanner, portions, Link.to(toNation), Set.of());
    }

    /** The guard on the link to {@code toNation} accredited up to {@code linkMaxLevel} of that nation's policy. */
    public GuardResult guard(Label declaredBanner, List<Portion> portions, String toNation, String linkMaxLevel) {
        return guard(declaredBanner, portions, new Link(toNation, linkMaxLevel, null, Link.DEFAULT_MAX_CONTENT_CHARS), Set.of());
    }

    /**
     * The outbound guard on a link. Deny by default: nothing leaves unless the declared banner equals the
     * roll-up of the portions and the item's content is within the link's size limit; then each portion
     * leaves only if it is releasable to the partner (its originator included), maps into the partner's
     * policy within the link's maximum, carries no marking or codeword above its label, and, when it is in
     * the manual-release class, has two distinct approvals.
     *
     * @param approvers the distinct people who approved this release (identity has authenticated them)
     */
    public GuardResult guard(Label declaredBanner, List<Portion> portions, Link link, Set<String> approvers) {
        Vocabulary v = Vocabulary.INSTANCE;
        String toNation = link.nation();
        int country = v.country(toNation);
        Policy partner = v.policyArray[v.countryPolicy[country]];
        int linkMax = partner.level(link.maxLevel()).rank();
        int manualFrom = link.manualReleaseFrom() == null ? Integer.MAX_VALUE : partner.level(link.manualReleaseFrom()).rank();
        List<Portion> released = new ArrayList<>();
        List<GuardResult.Withheld> withheld = new ArrayList<>();
        Map<String, Label> inPartnerPolicy = new java.util.LinkedHashMap<>();
        if (portions.isEmpty()) {
            return new GuardResult(toNation, null, released, withheld);
        }
        long size = 0;
        for (Portion portion : portions) size += portion.content().length();
        if (size > link.maxContentChars()) {
            for (Portion portion : portions) {
                withheld.add(new GuardResult.Withheld(portion.id(),
                        Reason.of("label.guard.too-large", String.valueOf(size), String.valueOf(link.maxContentChars()))));
            }
            return new GuardResult(toNation, null, released, withheld);
        }
        Label rolled;
        try {
            rolled = rollUp(portions.stream().map(Portion::label).toList());
        } catch (InvalidMarkingException e) {
            for (Portion portion : portions) withheld.add(new GuardResult.Withheld(portion.id(), Reason.of("label.guard.no-rollup", e.reason())));
            return new GuardResult(toNation, null, released, withheld);
        }
        if (!rolled.equals(declaredBanner)) {
            Reason reason = Reason.of("label.guard.banner-differs", String.valueOf(declaredBanner), String.valueOf(rolled));
            for (Portion portion : portions) withheld.add(new GuardResult.Withheld(portion.id(), reason));
            return new GuardResult(toNation, rolled, released, withheld);
        }
        long bit = 1L << country;
        int orconIndex = v.controlByName("ORCON");
        long orcon = orconIndex < 0 ? 0 : 1L << orconIndex;
        long approvals = approvers.stream().filter(a -> !a.isBlank()).distinct().count();
        for (Portion portion : portions) {
            Label l = portion.label();
            byte[] m = map[l.policyIndex][partner.index()];
            int mapped = m == null ? -1 : m[l.level];
            Reason reason;
            if (!releasableTo(l, bit)) {
                reason = Reason.of("label.guard.not-releasable", toNation, releasability(l));
            } else if (mapped < 0) {
                reason = Reason.of("label.guard.no-equivalent", l.policy.id(), l.level().englishName(), partner.id());
            } else if (mapped > linkMax) {
                reason = Reason.of("label.guard.above-link", partner.level(linkMax).englishName());
            } else {
                reason = nodeDeny(l);
                if (reason == null) reason = inspector.inspect(portion.content(), l, this);
                boolean manual = mapped >= manualFrom || (l.controls & orcon) != 0;
                if (reason == null && manual && approvals < 2) {
                    reason = Reason.of("label.guard.manual-release", String.valueOf(approvals));
                }
            }
            if (reason == null) {
                released.add(portion);
                // mapped >= 0 here, so the partner-policy form exists
                inPartnerPolicy.put(portion.id(), inPolicy(l, partner).orElseThrow());
            } else {
                withheld.add(new GuardResult.Withheld(portion.id(), reason));
            }
        }
        return new GuardResult(toNation, rolled, released, withheld, inPartnerPolicy);
    }

    /** Identity of two strings, for the scans over the vocabulary's own (interned) strings that fall back to equals. */
    @SuppressWarnings("ReferenceEquality")
    private static boolean sameString(String a, String b) {
        return a == b;
    }
}
