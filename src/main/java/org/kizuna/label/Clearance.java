package org.kizuna.label;

/**
 * A {@link Reader} compiled to indices and bit sets for the decision's hot path; make one per reader
 * and request, then decide many items with {@link LabelKernel#mayRead(Label, Clearance)}.
 */
public final class Clearance {

    final Reader reader;
    final long countryBit;
    final int policy;
    final int rank;
    final long controls;

    Clearance(Reader reader) {
        Vocabulary v = Vocabulary.INSTANCE;
        this.reader = reader;
        int country = v.country(reader.nation());
        this.countryBit = 1L << country;
        this.policy = v.countryPolicy[country];
        this.rank = v.policies().get(policy).level(reader.level()).rank();
        this.controls = ((HeldAccesses) reader.accesses()).controls;
    }

    public Reader reader() {
        return reader;
    }
}
