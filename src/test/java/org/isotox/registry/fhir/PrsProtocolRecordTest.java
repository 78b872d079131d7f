package org.isotox.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.xml.sax.SAXException;
import org.junit.jupiter.params.provider.ValueSource;

/** Real records' registrations written as PRS uploads validate against the registry's schema. */
class PrsProtocolRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {"NCT02278341", "NCT06171568", "NCT00763412", "NCT03630471", "NCT03606291"})
    void validatesAgainstTheProtocolRecordSchema(String nct) throws Exception {
        JsonNode protocol = new ObjectMapper().readTree(CtgovRoundTripIT.fixture(nct)).get("protocolSection");

        String xml = PrsProtocolRecord.of(protocol);

        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(PrsProtocolRecordTest.class.getResource("/ctgov/prs/ProtocolRecordSchema.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<brief_title>" + escaped(protocol.at("/identificationModule/briefTitle").asText()) + "</brief_title>")
                .contains("<overall_status>");
        String withoutStudyId = xml.replaceAll("<org_study_id>[^<]*</org_study_id>", "");
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(withoutStudyId))))
                .as("the schema requires org_study_id").isInstanceOf(SAXException.class);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
