package org.isotox.server;

import java.io.StringReader;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML body (already decoded from UTF-8) as events only: no other declared encoding, no
 * DOCTYPE (FHIR XML has none, and a DTD is where entity attacks live), every element in the FHIR
 * namespace but the XHTML of a narrative (HAPI reads {@code <active xmlns="urn:evil">} as FHIR's),
 * strings as FHIR allows them, numbers in range.
 */
final class XmlBodyScan {

    static final String FHIR_NAMESPACE = "http://hl7.org/fhir";
    static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

    private static final XMLInputFactory FACTORY = factory();

    private XmlBodyScan() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    static Optional<String> problem(String body) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(body));
            String declared = reader.getCharacterEncodingScheme();
            if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
                return Optional.of("The XML declares the encoding " + declared + "; FHIR XML must be UTF-8");
            }
            int xhtmlDepth = 0;
            boolean root = true;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return Optional.of("FHIR XML must not have a DOCTYPE");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return Optional.of("FHIR XML must not use entities other than the predefined ones");
                }
                if (event == XMLStreamConstants.END_ELEMENT && xhtmlDepth > 0) {
                    xhtmlDepth--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (xhtmlDepth > 0 || (!root && isNarrative(reader))) {
                        xhtmlDepth++;
                    } else if (!FHIR_NAMESPACE.equals(reader.getNamespaceURI())) {
                        return Optional.of(at(reader, "is not in the FHIR namespace " + FHIR_NAMESPACE
                                + (reader.getNamespaceURI() == null ? "" : " but in " + reader.getNamespaceURI())));
                    }
                    root = false;
                    Optional<String> attribute = attributeProblem(reader);
                    if (attribute.isPresent()) {
                        return attribute;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    Optional<String> bad = StringCharacters.problem(reader.getText());
                    if (bad.isPresent()) {
                        return Optional.of("The text at line " + reader.getLocation().getLineNumber() + " holds " + bad.get());
                    }
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            return Optional.of("Could not parse the body as XML: " + e.getMessage());
        } finally {
            close(reader);
        }
    }

    private static boolean isNarrative(XMLStreamReader reader) {
        return XHTML_NAMESPACE.equals(reader.getNamespaceURI()) && "div".equals(reader.getLocalName());
    }

    private static Optional<String> attributeProblem(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            Optional<String> bad = StringCharacters.problem(reader.getAttributeValue(i));
            if (bad.isPresent()) {
                return Optional.of(at(reader, "has the attribute " + reader.getAttributeLocalName(i) + " holding " + bad.get()));
            }
        }
        String value = reader.getAttributeValue(null, "value");
        if (value != null && !value.isEmpty() && isNumeric(value) && !NumberLiteral.isWithinRange(value)) {
            return Optional.of("The number in <" + reader.getLocalName() + "> at line "
                    + reader.getLocation().getLineNumber() + " is out of range");
        }
        return Optional.empty();
    }

    private static String at(XMLStreamReader reader, String problem) {
        return "The element <" + reader.getLocalName() + "> at line " + reader.getLocation().getLineNumber() + " " + problem;
    }

    private static boolean isNumeric(String value) {
        char first = value.charAt(0);
        return first == '-' || first == '+' || first == '.' || Character.isDigit(first);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }
}
