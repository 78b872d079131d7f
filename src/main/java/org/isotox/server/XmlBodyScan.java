package org.isotox.server;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML body as events only: strict UTF-8, no DOCTYPE (FHIR XML has none, and a DTD is
 * where entity attacks live), the root in the FHIR namespace, numbers in range.
 */
final class XmlBodyScan {

    static final String FHIR_NAMESPACE = "http://hl7.org/fhir";

    private static final XMLInputFactory FACTORY = factory();

    private XmlBodyScan() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    static Optional<String> problem(byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            boolean root = true;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return Optional.of("FHIR XML must not have a DOCTYPE");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return Optional.of("FHIR XML must not use entities other than the predefined ones");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root && !FHIR_NAMESPACE.equals(reader.getNamespaceURI())) {
                        return Optional.of("The root element is not in the FHIR namespace " + FHIR_NAMESPACE);
                    }
                    root = false;
                    String value = reader.getAttributeValue(null, "value");
                    if (value != null && !value.isEmpty() && isNumeric(value) && !NumberLiteral.isWithinRange(value)) {
                        return Optional.of("The number in <" + reader.getLocalName() + "> at line "
                                + reader.getLocation().getLineNumber() + " is out of range");
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
