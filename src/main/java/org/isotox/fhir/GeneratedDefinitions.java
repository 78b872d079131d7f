package org.isotox.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * Definition resources that the server generates from structures held in code (a questionnaire
 * from its scoring definition) instead of shipping them as files. Every Spring bean of this type is
 * stored at start-up with the shipped profiles and terminology, under the ids its resources carry.
 */
public interface GeneratedDefinitions {

    List<Resource> resources();
}
