package org.kizuna.label.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.DecisionType;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Policy;
import org.kizuna.label.Reader;
import org.kizuna.label.internal.LabelData;
import org.ow2.authzforce.core.pdp.api.AttributeFqn;
import org.ow2.authzforce.core.pdp.api.AttributeFqns;
import org.ow2.authzforce.core.pdp.api.DecisionRequest;
import org.ow2.authzforce.core.pdp.api.DecisionRequestBuilder;
import org.ow2.authzforce.core.pdp.api.EnvironmentProperties;
import org.ow2.authzforce.core.pdp.api.value.Bags;
import org.ow2.authzforce.core.pdp.api.value.IntegerValue;
import org.ow2.authzforce.core.pdp.api.value.StandardDatatypes;
import org.ow2.authzforce.core.pdp.api.value.StringValue;
import org.ow2.authzforce.core.pdp.impl.BasePdpEngine;
import org.ow2.authzforce.core.pdp.impl.PdpEngineConfiguration;
import org.ow2.authzforce.core.xmlns.pdp.Pdp;
import org.ow2.authzforce.core.xmlns.pdp.StaticPolicyProvider;

/**
 * The read rule as a general policy engine would run it: AuthzForce (XACML 3) with the policy in
 * {@code label/bench/label-read-policy.xml}. Requests carry the level mapped into the reader's policy
 * and the releasability expanded to nations, so the engine is spared the tables the kernel consults.
 */
public final class XacmlLabelPdp implements AutoCloseable {

    private static final String SUBJECT = "urn:oasis:names:tc:xacml:1.0:subject-category:access-subject";
    private static final String RESOURCE = "urn:oasis:names:tc:xacml:3.0:attribute-category:resource";
    private static final AttributeFqn MAPPED_RANK = AttributeFqns.newInstance(RESOURCE, Optional.empty(), "urn:kizuna:label:mapped-rank");
    private static final AttributeFqn RELEASABLE_TO = AttributeFqns.newInstance(RESOURCE, Optional.empty(), "urn:kizuna:label:releasable-to");
    private static final AttributeFqn RESTRICTIVE = AttributeFqns.newInstance(RESOURCE, Optional.empty(), "urn:kizuna:label:restrictive");
    private static final AttributeFqn COMMUNITIES = AttributeFqns.newInstance(RESOURCE, Optional.empty(), "urn:kizuna:label:communities");
    private static final AttributeFqn NATION = AttributeFqns.newInstance(SUBJECT, Optional.empty(), "urn:kizuna:reader:nation");
    private static final AttributeFqn CLEARANCE = AttributeFqns.newInstance(SUBJECT, Optional.empty(), "urn:kizuna:reader:clearance-rank");
    private static final AttributeFqn ACCESSES = AttributeFqns.newInstance(SUBJECT, Optional.empty(), "urn:kizuna:reader:accesses");
    private static final AttributeFqn READER_COMMUNITIES = AttributeFqns.newInstance(SUBJECT, Optional.empty(), "urn:kizuna:reader:communities");

    private final BasePdpEngine engine;
    private final Path dir;

    public XacmlLabelPdp() {
        try {
            dir = Files.createTempDirectory("kizuna-xacml");
            Path policy = dir.resolve("label-read-policy.xml");
            copy("label/bench/label-read-policy.xml", policy);
            // The PDP configuration is built in code: AuthzForce's loader of pdp.xml files needs a Spring 6.1
            // constructor (PropertyPlaceholderHelper) that Spring 7 no longer has.
            StaticPolicyProvider provider = new StaticPolicyProvider(List.of(policy.toString()), false);
            provider.setId("labelReadPolicyProvider");
            Pdp conf = new Pdp(null, null, null, null, List.of(provider), null, null, null, "8.1",
                    true, true, true, true, false, false, null, null, null, null);
            EnvironmentProperties noPlaceholders = value -> value;
            engine = new BasePdpEngine(new PdpEngineConfiguration(conf, noPlaceholders));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up AuthzForce", e);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = XacmlLabelPdp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException(resource + " is missing from the test classpath");
            Files.copy(in, target);
        }
    }

    /** The XACML request for one decision, built ahead of time as a PEP with a warm attribute cache would. */
    public DecisionRequest request(Label item, Reader reader, LabelKernel kernel) {
        Policy readerPolicy = Policy.ofNation(reader.nation()).orElseThrow();
        int mapped = kernel.equivalentRank(item.policy(), item.level(), readerPolicy);
        DecisionRequestBuilder<?> b = engine.newRequestBuilder(4, 8);
        b.putNamedAttributeIfAbsent(MAPPED_RANK, Bags.singletonAttributeBag(StandardDatatypes.INTEGER, IntegerValue.valueOf(mapped)));
        b.putNamedAttributeIfAbsent(RELEASABLE_TO, Bags.newAttributeBag(StandardDatatypes.STRING, strings(releasableNations(item, kernel))));
        b.putNamedAttributeIfAbsent(RESTRICTIVE, Bags.newAttributeBag(StandardDatatypes.STRING, strings(item.controls())));
        b.putNamedAttributeIfAbsent(COMMUNITIES, Bags.newAttributeBag(StandardDatatypes.STRING, strings(item.communities())));
        b.putNamedAttributeIfAbsent(NATION, Bags.singletonAttributeBag(StandardDatatypes.STRING, new StringValue(reader.nation())));
        b.putNamedAttributeIfAbsent(CLEARANCE, Bags.singletonAttributeBag(StandardDatatypes.INTEGER,
                IntegerValue.valueOf(readerPolicy.level(reader.level()).rank())));
        b.putNamedAttributeIfAbsent(ACCESSES, Bags.newAttributeBag(StandardDatatypes.STRING, strings(reader.accesses())));
        b.putNamedAttributeIfAbsent(READER_COMMUNITIES, Bags.newAttributeBag(StandardDatatypes.STRING, strings(reader.communities())));
        return b.build(false);
    }

    /** Whether AuthzForce permits the request. */
    public boolean permits(DecisionRequest request) {
        return engine.evaluate(request).getDecision() == DecisionType.PERMIT;
    }

    private static Set<String> releasableNations(Label item, LabelKernel kernel) {
        Set<String> out = new LinkedHashSet<>();
        List<String> codes;
        if (item.hasReleasabilityList()) {
            codes = item.releasableTo();
        } else if (item.isNoforn() || item.level().classified()) {
            codes = List.of(item.owner());
        } else {
            return new LinkedHashSet<>(LabelData.countries());
        }
        for (String code : codes) {
            if (code.length() == 4) out.addAll(kernel.members(code));
            else out.add(code);
        }
        return out;
    }

    private static List<StringValue> strings(Collection<String> values) {
        List<StringValue> out = new ArrayList<>(values.size());
        for (String v : values) out.add(new StringValue(v));
        return out;
    }

    @Override
    public void close() throws IOException {
        engine.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }
}
