package org.kizuna.label;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.Reason;

/**
 * ADatP-4774 (STANAG 4774) originator confidentiality label XML for {@link Label}s, exact in both
 * directions: {@code fromXml(toXml(l)).equals(l)}, and canonical XML survives import and export
 * unchanged. The parser refuses DOCTYPEs, entities, processing instructions and anything over
 * {@link #MAX_BYTES}, so no expansion or memory exhaustion reaches it (leak 14).
 */
public final class Adatp4774 {

    public static final String NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
    /** The largest label document accepted; real labels are well under 2 KiB. */
    public static final int MAX_BYTES = 16 * 1024;

    static final String SCI = "SCI";
    static final String DISSEMINATION = "Dissemination";
    static final String RELEASABLE_TO = "Releasable To";
    private static final int MAX_DEPTH = 4;

    private static final XMLInputFactory FACTORY;

    static {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        FACTORY = f;
    }

    private Adatp4774() {
    }

    /** The label as an ADatP-4774 originator confidentiality label document. */
    public static String toXml(Label label) {
        StringBuilder x = new StringBuilder(512);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<originatorConfidentialityLabel xmlns=\"").append(NAMESPACE).append("\">\n");
        x.append("  <ConfidentialityInformation>\n");
        x.append("    <PolicyIdentifier URI=\"urn:kizuna:policy:").append(label.policy().id()).append("\">")
                .append(label.policy().id()).append("</PolicyIdentifier>\n");
        x.append("    <Classification>").append(escape(label.level().englishName())).append("</Classification>\n");
        List<String> sci = new ArrayList<>();
        List<String> dissem = new ArrayList<>();
        for (String c : label.controls()) {
            (Vocabulary.INSTANCE.controlSci[Vocabulary.INSTANCE.controlByName(c)] ? sci : dissem).add(c);
        }
        category(x, SCI, "RESTRICTIVE", sci);
        category(x, DISSEMINATION, "RESTRICTIVE", dissem);
        if (label.isNoforn()) {
            category(x, RELEASABLE_TO, "PERMISSIVE", List.of(label.owner()));
        } else if (label.hasReleasabilityList()) {
            category(x, RELEASABLE_TO, "PERMISSIVE", label.releasableTo());
        }
        label.permissiveTags().forEach((tag, values) -> category(x, tag, "PERMISSIVE", List.copyOf(values)));
        category(x, Label.COI, "PERMISSIVE", List.copyOf(label.communities()));
        x.append("  </ConfidentialityInformation>\n");
        x.append("  <OriginatorID IDType=\"ISO 3166-1 alpha-3\">").append(label.owner()).append("</OriginatorID>\n");
        x.append("</originatorConfidentialityLabel>\n");
        return x.toString();
    }

    private static void category(StringBuilder x, String tag, String type, List<String> values) {
        if (values.isEmpty()) return;
        x.append("    <Category TagName=\"").append(escape(tag)).append("\" Type=\"").append(type).append("\">\n");
        for (String v : values) {
            x.append("      <GenericValue>").append(escape(v)).append("</GenericValue>\n");
        }
        x.append("    </Category>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Reads an ADatP-4774 originator confidentiality label.
     *
     * @throws InvalidMarkingException for anything but a well-formed, complete label of known policy,
     *                                 level, categories and values
     */
    public static Label fromXml(String xml) {
        if (xml.length() > MAX_BYTES) {
            throw InvalidMarkingException.of("label.invalid.xml-too-long", String.valueOf(xml.length()), String.valueOf(MAX_BYTES));
        }
        if (xml.contains("<!")) {
            // DOCTYPE, entity declarations and CDATA have no place in a label; refuse before any parser sees them.
            throw InvalidMarkingException.of("label.invalid.xml-declaration");
        }
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidMarkingException(Reason.of("label.invalid.xml-not-well-formed", String.valueOf(e.getMessage())), e);
        }
    }

    private static Label read(XMLStreamReader r) throws XMLStreamException {
        String policyId = null;
        String classification = null;
        String originator = null;
        List<String> sci = new ArrayList<>();
        List<String> dissem = new ArrayList<>();
        List<String> rel = null;
        List<String[]> tags = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        List<String> path = new ArrayList<>();
        String categoryTag = null;
        String categoryType = null;
        List<String> categoryValues = null;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                        XMLStreamConstants.PROCESSING_INSTRUCTION ->
                    throw InvalidMarkingException.of("label.invalid.xml-dtd");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = r.getLocalName();
                    if (!NAMESPACE.equals(r.getNamespaceURI())) {
                        throw InvalidMarkingException.of("label.invalid.xml-namespace", name, NAMESPACE);
                    }
                    String parent = path.isEmpty() ? "" : path.getLast();
                    boolean ok = switch (name) {
                        case "originatorConfidentialityLabel" -> path.isEmpty();
                        case "ConfidentialityInformation", "OriginatorID" -> parent.equals("originatorConfidentialityLabel");
                        case "PolicyIdentifier", "Classification", "Category" -> parent.equals("ConfidentialityInformation");
                        case "GenericValue" -> parent.equals("Category");
                        default -> false;
                    };
                    if (!ok || path.size() >= MAX_DEPTH) {
                        throw InvalidMarkingException.of("label.invalid.xml-unexpected-element", name,
                                parent.isEmpty() ? Reason.of("label.invalid.xml-the-document") : "<" + parent + ">");
                    }
                    if (name.equals("Category")) {
                        categoryTag = attribute(r, "TagName");
                        categoryType = attribute(r, "Type");
                        categoryValues = new ArrayList<>();
                    }
                    path.add(name);
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    text.append(r.getText());
                    if (text.length() > 256) throw InvalidMarkingException.of("label.invalid.xml-text-too-long");
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.removeLast();
                    String value = text.toString();
                    text.setLength(0);
                    switch (name) {
                        case "PolicyIdentifier" -> policyId = once(policyId, value, name);
                        case "Classification" -> classification = once(classification, value, name);
                        case "OriginatorID" -> originator = once(originator, value, name);
                        case "GenericValue" -> Objects.requireNonNull(categoryValues, "a GenericValue is inside a Category").add(value);
                        case "Category" -> {
                            Objects.requireNonNull(categoryValues, "a Category's values start with it");
                            Objects.requireNonNull(categoryTag, "a Category's tag is read at its start");
                            if (categoryValues.isEmpty()) {
                                throw InvalidMarkingException.of("label.invalid.xml-category-empty", categoryTag);
                            }
                            if (new java.util.HashSet<>(categoryValues).size() != categoryValues.size()) {
                                throw InvalidMarkingException.of("label.invalid.xml-category-repeats", categoryTag);
                            }
                            String expected = categoryTag.equals(SCI) || categoryTag.equals(DISSEMINATION) ? "RESTRICTIVE" : "PERMISSIVE";
                            if (!expected.equals(categoryType)) {
                                throw InvalidMarkingException.of("label.invalid.xml-category-type", categoryTag, expected, String.valueOf(categoryType));
                            }
                            switch (categoryTag) {
                                case SCI -> sci.addAll(categoryValues);
                                case DISSEMINATION -> dissem.addAll(categoryValues);
                                case RELEASABLE_TO -> {
                                    if (rel != null) throw InvalidMarkingException.of("label.invalid.xml-releasable-twice");
                                    rel = categoryValues;
                                }
                                case Label.COI -> communities.addAll(categoryValues);
                                default -> tags.add(prepend(categoryTag, categoryValues));
                            }
                            categoryValues = null;
                        }
                        default -> {
                            if (!value.isBlank()) throw InvalidMarkingException.of("label.invalid.xml-unexpected-text", name);
                        }
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.START_DOCUMENT, XMLStreamConstants.END_DOCUMENT -> {
                }
                default -> throw InvalidMarkingException.of("label.invalid.xml-unexpected-content", String.valueOf(event));
            }
        }
        if (policyId == null || classification == null || originator == null) {
            throw InvalidMarkingException.of("label.invalid.xml-incomplete");
        }
        Policy policy = Policy.of(policyId);
        Label.Builder b = Label.builder(policy, classification).owner(originator);
        for (String c : sci) {
            int i = Vocabulary.INSTANCE.controlByName(c);
            if (i < 0 || !Vocabulary.INSTANCE.controlSci[i]) throw InvalidMarkingException.of("label.invalid.unknown-sci", c);
        }
        for (String c : dissem) {
            int i = Vocabulary.INSTANCE.controlByName(c);
            if (i < 0 || Vocabulary.INSTANCE.controlSci[i]) throw InvalidMarkingException.of("label.invalid.unknown-dissemination", c);
        }
        b.controls(sci.toArray(String[]::new)).controls(dissem.toArray(String[]::new));
        if (rel != null) {
            if (rel.size() == 1 && rel.getFirst().equals(originator)) {
                b.noforn();
            } else {
                b.relTo(rel.toArray(String[]::new));
            }
        }
        for (String[] tag : tags) {
            String[] values = new String[tag.length - 1];
            System.arraycopy(tag, 1, values, 0, values.length);
            b.permissive(tag[0], values);
        }
        b.communities(communities.toArray(String[]::new));
        return b.build();
    }

    private static String[] prepend(String head, List<String> rest) {
        String[] out = new String[rest.size() + 1];
        out[0] = head;
        for (int i = 0; i < rest.size(); i++) out[i + 1] = rest.get(i);
        return out;
    }

    private static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        if (v == null) throw InvalidMarkingException.of("label.invalid.xml-attribute-missing", name);
        return v;
    }

    private static String once(@Nullable String previous, String value, String element) {
        if (previous != null) throw InvalidMarkingException.of("label.invalid.xml-element-twice", element);
        if (value.isEmpty()) throw InvalidMarkingException.of("label.invalid.xml-element-empty", element);
        return value;
    }
}
