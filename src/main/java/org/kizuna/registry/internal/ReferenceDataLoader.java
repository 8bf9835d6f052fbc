package org.kizuna.registry.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kizuna.registry.Facility;
import org.kizuna.registry.Relation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the registry from the project's reference data file at a node's first start, after checking
 * that every reference in it resolves. A node whose registry holds data already is left as it is.
 */
@Component
@Order(10)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    static final String PUBLIC = org.kizuna.label.Label.UNCLASSIFIED.banner();

    private final JdbcClient jdbc;

    ReferenceDataLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long present = jdbc.sql("select count(*) from registry_nation").query(Long.class).single();
        ReferenceData data = ReferenceData.load();
        if (present > 0) {
            japaneseNames(data);
            return;
        }
        check(data);
        insert(data);
        log.info("registry loaded from {}: {} organizations, {} facilities, {} relations", ReferenceData.RESOURCE,
                data.organizations().size(), data.facilities().size(), data.relations().size());
    }

    /** Fails with a message naming the entry when the reference data contradicts itself. */
    static void check(ReferenceData data) {
        Set<String> sources = new HashSet<>();
        data.sources().forEach(s -> sources.add(s.id()));
        Set<String> nations = new HashSet<>();
        data.nations().forEach(n -> {
            nations.add(n.code());
            zone(n.zone(), "nation " + n.code());
        });
        Map<String, String> orgNation = new HashMap<>();
        data.organizations().forEach(o -> orgNation.put(o.id(), o.nation()));
        for (ReferenceData.OrganizationEntry o : data.organizations()) {
            String where = "organization " + o.id();
            require(nations.contains(o.nation()), where + ": unknown nation " + o.nation());
            zone(o.zone(), where);
            org.kizuna.registry.Organization.Kind.valueOf(o.kind().toUpperCase(java.util.Locale.ROOT));
            require(!o.versions().isEmpty(), where + ": has no versions");
            if (o.componentOf() != null) {
                require(o.nation().equals(orgNation.get(o.componentOf())),
                        where + ": component_of " + o.componentOf() + " is not an organization of the same nation");
            }
            LocalDate previousTo = null;
            for (int i = 0; i < o.versions().size(); i++) {
                ReferenceData.VersionEntry v = o.versions().get(i);
                String at = where + " version " + (i + 1);
                if (v.parent() != null) {
                    require(o.nation().equals(orgNation.get(v.parent())),
                            at + ": parent " + v.parent() + " must be an organization of the same nation (a command relation)");
                }
                require(v.validTo() == null || v.validFrom() == null || v.validFrom().isBefore(v.validTo()), at + ": valid_from must be before valid_to");
                if (i > 0) {
                    require(previousTo != null && previousTo.equals(v.validFrom()), at + ": must start where the previous version ends");
                }
                previousTo = v.validTo();
                sources(v.sources(), sources, at);
            }
        }
        for (ReferenceData.RelationEntry r : data.relations()) {
            String where = "relation " + r.id();
            Relation.Kind kind = Relation.Kind.valueOf(r.kind().toUpperCase(java.util.Locale.ROOT));
            String a = orgNation.get(r.from());
            String b = orgNation.get(r.to());
            require(a != null && b != null, where + ": unknown organization");
            require(kind != Relation.Kind.COMMAND || Objects.equals(a, b), where + ": a command relation stays within one nation");
            require(kind != Relation.Kind.COORDINATION || !Objects.equals(a, b), where + ": a coordination relation links two nations");
            sources(r.sources(), sources, where);
        }
        for (ReferenceData.FacilityEntry f : data.facilities()) {
            String where = "facility " + f.id();
            Facility.Kind.of(f.kind());
            zone(f.zone(), where);
            require(nations.contains(f.host()), where + ": unknown host nation " + f.host());
            f.users().forEach(u -> require(nations.contains(u), where + ": unknown user nation " + u));
            require(f.jointUse() == null || Set.of("II-1(a)", "II-4(a)", "II-4(b)").contains(f.jointUse()),
                    where + ": unknown joint-use category " + f.jointUse());
            if (f.hosts() != null) {
                f.hosts().forEach(h -> require(orgNation.containsKey(h), where + ": hosts unknown organization " + h));
            }
            sources(f.sources(), sources, where);
        }
        data.forcePosture().forEach(p -> sources(p.sources(), sources, "force posture " + p.metric()));
        data.agreements().forEach(a -> {
            sources(a.sources(), sources, "agreement " + a.id());
            a.parties().forEach(n -> require(nations.contains(n), "agreement " + a.id() + ": unknown nation " + n));
        });
    }

    // JdbcClient binds a null value as SQL NULL, but Spring 7.0 declares params(Object...) without @Nullable values
    @SuppressWarnings("NullAway")
    private void insert(ReferenceData data) {
        data.sources().forEach(s -> jdbc.sql("insert into registry_source (id, url, publisher, published, label) values (?, ?, ?, ?, ?)")
                .params(s.id(), s.url(), s.publisher(), s.date(), PUBLIC).update());
        data.nations().forEach(n -> jdbc.sql("insert into registry_nation (code, name, zone, label) values (?, ?, ?, ?)")
                .params(n.code(), n.name(), n.zone(), PUBLIC).update());
        for (ReferenceData.OrganizationEntry o : data.organizations()) {
            for (ReferenceData.VersionEntry v : o.versions()) {
                jdbc.sql("""
                        insert into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, name_ja,
                            abbreviation, site, lat, lon, zone, note, sources, verification, label)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(o.id(), v.validFrom(), v.validTo(), o.nation(), o.kind(), v.parent(), o.componentOf(), v.name(), v.nameJa(),
                                v.abbreviation(), v.site(), v.lat(), v.lon(), o.zone(), v.note(), String.join(",", v.sources()),
                                v.verification(), PUBLIC)
                        .update();
            }
        }
        data.relations().forEach(r -> jdbc.sql("""
                insert into registry_relation (id, kind, from_id, to_id, valid_from, valid_to, note, sources, verification, label)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.kind(), r.from(), r.to(), r.validFrom(), r.validTo(), r.note(), String.join(",", r.sources()),
                        r.verification(), PUBLIC)
                .update());
        data.facilities().forEach(f -> jdbc.sql("""
                insert into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use,
                    joint_use_note, hosts, note, valid_from, valid_to, sources, verification, label)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.id(), f.name(), f.kind(), f.operator(), f.lat(), f.lon(), f.zone(), f.host(), String.join(",", f.users()),
                        f.jointUse(), f.jointUseNote(), f.hosts() == null ? "" : String.join(",", f.hosts()), f.note(),
                        f.validFrom(), f.validTo(), String.join(",", f.sources()), f.verification(), PUBLIC)
                .update());
        long id = 1;
        for (ReferenceData.PostureEntry p : data.forcePosture()) {
            jdbc.sql("""
                    insert into registry_force_posture (id, metric, amount, unit, as_of, note, sources, verification, label)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id++, p.metric(), p.value(), p.unit(), p.asOf(), p.note(), String.join(",", p.sources()), p.verification(), PUBLIC)
                    .update();
        }
        data.agreements().forEach(a -> jdbc.sql("""
                insert into registry_agreement (id, parties, host_nation, entry_into_force, sources, verification, label)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), String.join(",", a.parties()), a.host(), a.entryIntoForce(), String.join(",", a.sources()), a.verification(), PUBLIC)
                .update());
    }

    /**
     * A registry loaded before the reference data gave Japanese names gets them for the versions it holds as the data
     * has them (same organization, same start); a name already there is left as it is.
     */
    // JdbcClient binds a null value as SQL NULL, but Spring 7.0 declares params(Object...) without @Nullable values
    @SuppressWarnings("NullAway")
    private void japaneseNames(ReferenceData data) {
        int updated = 0;
        for (ReferenceData.OrganizationEntry o : data.organizations()) {
            for (ReferenceData.VersionEntry v : o.versions()) {
                if (v.nameJa() == null) continue;
                updated += jdbc.sql("update registry_organization set name_ja = ? where id = ? and valid_from is not distinct from ? and name_ja is null")
                        .params(v.nameJa(), o.id(), v.validFrom()).update();
            }
        }
        if (updated > 0) log.info("registry: Japanese names added to {} organization versions from {}", updated, ReferenceData.RESOURCE);
    }

    private static void sources(List<String> ids, Set<String> known, String where) {
        require(!ids.isEmpty(), where + ": every fact needs a source");
        ids.forEach(id -> require(known.contains(id), where + ": unknown source " + id));
    }

    private static void zone(String zone, String where) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException(where + ": unknown IANA zone " + zone);
        }
    }

    private static void require(boolean ok, @Nullable String message) {
        if (!ok) {
            throw new IllegalStateException("registry reference data: " + message);
        }
    }
}
