package org.kizuna.registry.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.Columns;
import org.kizuna.registry.AccessAgreement;
import org.kizuna.registry.Facility;
import org.kizuna.registry.ForcePosture;
import org.kizuna.registry.Nation;
import org.kizuna.registry.Organization;
import org.kizuna.registry.OrganizationView;
import org.kizuna.registry.Registry;
import org.kizuna.registry.Relation;
import org.kizuna.registry.SearchHit;
import org.kizuna.registry.SearchPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry in the node's database; every query answers for one day of valid time. */
@Repository
class JdbcRegistry implements Registry {

    private static final String VALID_ON = "(valid_from is null or valid_from <= :day) and (valid_to is null or valid_to > :day)";

    private final JdbcClient jdbc;
    private final ReadPath readPath;
    private final Map<String, Label> labels = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcRegistry(JdbcClient jdbc, ReadPath readPath) {
        this.jdbc = jdbc;
        this.readPath = readPath;
    }

    @Override
    public List<Nation> nations(Reader reader) {
        return readPath.readable(jdbc.sql("select * from registry_nation order by code")
                .query((rs, n) -> new Nation(rs.getString("code"), rs.getString("name"), rs.getString("zone"), label(rs)))
                .list(), reader, n -> "registry/nation/" + n.code(), "registry/nations");
    }

    @Override
    public List<Organization> organizations(LocalDate asOf, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "registry/organizations@" + asOf)) {
            return organizations(asOf, q);
        }
    }

    private List<Organization> organizations(LocalDate asOf, ReadPath.Query q) {
        List<Organization> readable = q.readable(jdbc.sql("select * from registry_organization where " + VALID_ON + " order by nation, id")
                .param("day", asOf)
                .query((rs, n) -> organization(rs))
                .list(), JdbcRegistry::organizationId);
        Set<String> ids = readable.stream().map(Organization::id).collect(Collectors.toSet());
        return readable.stream().map(o -> linkedWithin(o, ids)).toList();
    }

    /** The organization without its links to organizations the reader may not read that day: their ids must not show. */
    private static Organization linkedWithin(Organization o, Set<String> readable) {
        String parent = o.parent() != null && readable.contains(o.parent()) ? o.parent() : null;
        String componentOf = o.componentOf() != null && readable.contains(o.componentOf()) ? o.componentOf() : null;
        if (Objects.equals(parent, o.parent()) && Objects.equals(componentOf, o.componentOf())) {
            return o;
        }
        return new Organization(o.id(), o.nation(), o.kind(), o.name(), o.nameJa(), o.abbreviation(), parent, componentOf, o.location(), o.zone(),
                o.validity(), o.provenance(), o.label());
    }

    @Override
    public Optional<OrganizationView> organization(String id, LocalDate asOf, Reader reader) {
        // one query however many lists the view is computed from: the audit trail grows alike for every id
        try (ReadPath.Query q = readPath.query(reader, "registry/organization/" + id + "@" + asOf)) {
            return organization(id, asOf, q);
        }
    }

    private Optional<OrganizationView> organization(String id, LocalDate asOf, ReadPath.Query q) {
        List<Organization> all = organizations(asOf, q);
        Map<String, Organization> byId = new HashMap<>();
        all.forEach(o -> byId.put(o.id(), o));
        Organization self = byId.get(id);
        if (self == null) {
            return Optional.empty();
        }
        List<Organization> chain = new ArrayList<>();
        Organization at = self;
        while (at.parent() != null && byId.containsKey(at.parent()) && chain.size() < all.size()) {
            at = byId.get(at.parent());
            chain.add(at);
        }
        List<Organization> subordinates = all.stream()
                .filter(o -> id.equals(o.parent()) || id.equals(o.componentOf()))
                .toList();
        List<Organization> partners = relations(all, asOf, q).stream()
                .filter(r -> r.kind() == Relation.Kind.COORDINATION && (r.from().equals(id) || r.to().equals(id)))
                .map(r -> byId.get(r.from().equals(id) ? r.to() : r.from()))
                .filter(Objects::nonNull)
                .toList();
        return Optional.of(new OrganizationView(self, List.copyOf(chain), subordinates, partners));
    }

    @Override
    public List<Facility> facilities(LocalDate asOf, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "registry/facilities@" + asOf)) {
            return withReadableHosts(readableFacilities(asOf, q), q);
        }
    }

    /** The facilities the reader may read, hosts as stored (for callers that do not hand the hosts out). */
    private List<Facility> readableFacilities(LocalDate asOf, ReadPath.Query q) {
        return q.readable(jdbc.sql("select * from registry_facility where " + VALID_ON + " order by host_nation, name")
                .param("day", asOf)
                .query((rs, n) -> facility(rs))
                .list(), JdbcRegistry::facilityId);
    }

    @Override
    public Optional<Facility> facility(String id, LocalDate asOf, Reader reader) {
        // one query whether or not the facility has hosts the reader may not read
        try (ReadPath.Query q = readPath.query(reader, "registry/facility/" + id + "@" + asOf)) {
            return q.readable(jdbc.sql("select * from registry_facility where id = :id and " + VALID_ON)
                    .param("id", id)
                    .param("day", asOf)
                    .query((rs, n) -> facility(rs))
                    .optional(), JdbcRegistry::facilityId)
                    .map(f -> withReadableHosts(List.of(f), q).getFirst());
        }
    }

    /**
     * The facilities with only those hosted organizations the reader may read (in some version); the id
     * of one it may not read must not show. Hosts are not versioned, so neither is this check.
     */
    private List<Facility> withReadableHosts(List<Facility> facilities, ReadPath.Query q) {
        Set<String> hosts = facilities.stream().flatMap(f -> f.hosts().stream()).collect(Collectors.toSet());
        if (hosts.isEmpty()) {
            return facilities;
        }
        Set<String> readable = q.readable(jdbc.sql("select * from registry_organization where id in (:ids)")
                .param("ids", hosts)
                .query((rs, n) -> organization(rs))
                .list(), JdbcRegistry::organizationId)
                .stream().map(Organization::id).collect(Collectors.toSet());
        return facilities.stream()
                .map(f -> readable.containsAll(f.hosts())
                        ? f
                        : new Facility(f.id(), f.name(), f.kind(), f.operator(), f.location(),
                                f.zone(), f.hostNation(), f.users(), f.jointUse(), f.jointUseNote(),
                                f.hosts().stream().filter(readable::contains).toList(), f.validity(), f.provenance(), f.label()))
                .toList();
    }

    @Override
    public List<Relation> relations(LocalDate asOf, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "registry/relations@" + asOf)) {
            return relations(organizations(asOf, q), asOf, q);
        }
    }

    /** Relations among organizations the reader may read; a relation to one it may not read does not show. */
    private List<Relation> relations(List<Organization> orgs, LocalDate asOf, ReadPath.Query q) {
        Map<String, Organization> byId = new HashMap<>();
        orgs.forEach(o -> byId.put(o.id(), o));
        List<Relation> relations = new ArrayList<>();
        for (Organization o : orgs) {
            if (o.parent() != null && byId.containsKey(o.parent())) {
                relations.add(new Relation("command:" + o.parent() + ">" + o.id(), Relation.Kind.COMMAND, o.parent(), o.id(),
                        o.validity(), null, o.provenance(), o.label()));
            }
            if (o.componentOf() != null && byId.containsKey(o.componentOf())) {
                relations.add(new Relation("component:" + o.componentOf() + ">" + o.id(), Relation.Kind.COMMAND, o.componentOf(), o.id(),
                        o.validity(), "service component", o.provenance(), o.label()));
            }
        }
        jdbc.sql("select * from registry_relation where " + VALID_ON + " order by id")
                .param("day", asOf)
                .query((rs, n) -> new Relation(rs.getString("id"), Relation.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("from_id"), rs.getString("to_id"), validity(rs), rs.getString("note"), provenance(rs, null), label(rs)))
                .list()
                .stream()
                .filter(r -> byId.containsKey(r.from()) && byId.containsKey(r.to()))
                .forEach(relations::add);
        return q.readable(relations, r -> "registry/relation/" + r.id());
    }

    @Override
    public List<ForcePosture> forcePosture(LocalDate asOf, Reader reader) {
        return readPath.readable(jdbc.sql("select * from registry_force_posture where as_of <= :day order by metric, as_of")
                .param("day", asOf)
                .query((rs, n) -> new ForcePosture(rs.getString("metric"), rs.getDouble("amount"), rs.getString("unit"),
                        rs.getObject("as_of", LocalDate.class), provenance(rs, rs.getString("note")), label(rs)))
                .list(), reader, p -> "registry/force-posture/" + p.metric() + "@" + p.asOf(), "registry/force-posture@" + asOf);
    }

    @Override
    public List<AccessAgreement> agreements(LocalDate asOf, Reader reader) {
        return readPath.readable(jdbc.sql("select * from registry_agreement where entry_into_force <= :day order by entry_into_force")
                .param("day", asOf)
                .query((rs, n) -> new AccessAgreement(rs.getString("id"), Columns.list(rs.getString("parties")), rs.getString("host_nation"),
                        rs.getObject("entry_into_force", LocalDate.class), provenance(rs, null), label(rs)))
                .list(), reader, a -> "registry/agreement/" + a.id(), "registry/agreements@" + asOf);
    }

    @Override
    public SearchPage search(String text, LocalDate asOf, int page, int size, Reader reader) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        List<SearchHit> hits = new ArrayList<>();
        try (ReadPath.Query q = readPath.query(reader, "registry/search?text=" + text + "@" + asOf)) {
            for (Organization o : organizations(asOf, q)) {
                if (matches(needle, o.id(), o.name(), o.abbreviation()) || (o.nameJa() != null && matches(needle, o.nameJa()))) {
                    hits.add(new SearchHit("organization", o.id(), o.name(), o.nation(), o.label()));
                }
            }
            for (Facility f : readableFacilities(asOf, q)) {
                if (matches(needle, f.id(), f.name())) {
                    hits.add(new SearchHit("facility", f.id(), f.name(), f.hostNation(), f.label()));
                }
            }
        }
        int from = Math.min(hits.size(), page * size);
        int to = Math.min(hits.size(), from + size);
        return new SearchPage(List.copyOf(hits.subList(from, to)), hits.size(), page, size);
    }

    private static boolean matches(String needle, String... fields) {
        for (String f : fields) {
            if (f.toLowerCase(java.util.Locale.ROOT).contains(needle)) return true;
        }
        return false;
    }

    /** Labels are stored as banners; each distinct banner is parsed once. */
    private Label label(ResultSet rs) throws SQLException {
        return labels.computeIfAbsent(rs.getString("label"), Label::parse);
    }

    private Organization organization(ResultSet rs) throws SQLException {
        return new Organization(rs.getString("id"), rs.getString("nation"),
                Organization.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("name"), rs.getString("name_ja"), rs.getString("abbreviation"), rs.getString("parent_id"), rs.getString("component_of"),
                new Organization.Location(rs.getString("site"), nullableDouble(rs, "lat"), nullableDouble(rs, "lon")),
                rs.getString("zone"), validity(rs), provenance(rs, rs.getString("note")), label(rs));
    }

    private Facility facility(ResultSet rs) throws SQLException {
        return new Facility(rs.getString("id"), rs.getString("name"), Facility.Kind.of(rs.getString("kind")), rs.getString("operator"),
                new Organization.Location(null, rs.getDouble("lat"), rs.getDouble("lon")), rs.getString("zone"),
                rs.getString("host_nation"), Columns.list(rs.getString("users")), rs.getString("joint_use"), rs.getString("joint_use_note"),
                Columns.list(rs.getString("hosts")), validity(rs), provenance(rs, rs.getString("note")), label(rs));
    }

    private static Organization.Validity validity(ResultSet rs) throws SQLException {
        return new Organization.Validity(date(rs.getDate("valid_from")), date(rs.getDate("valid_to")));
    }

    private static Organization.Provenance provenance(ResultSet rs, @Nullable String note) throws SQLException {
        return new Organization.Provenance(Columns.list(rs.getString("sources")), rs.getString("verification"), note);
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** An organization's id on the read path. */
    private static String organizationId(Organization o) {
        return "registry/organization/" + o.id();
    }

    /** A facility's id on the read path. */
    private static String facilityId(Facility f) {
        return "registry/facility/" + f.id();
    }
}
