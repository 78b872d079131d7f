package org.isotox.server;

import org.isotox.fhir.DefinitionFiles;
import org.isotox.fhir.DefinitionsReloaded;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.jpa.searchparam.registry.SearchParamRegistryImpl;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.isotox.fhir.GeneratedDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the shipped profiles and terminology in the server at start-up, under their file ids, so
 * that clients can read them, {@code $expand} / {@code $validate-code} work on them and the
 * validator finds them, together with the definitions the server generates ({@link GeneratedDefinitions}).
 * Profiles are stored with a generated snapshot. Storing an unchanged file again creates no new
 * version, so restarts leave the history alone.
 */
@Component
@Order(DefinitionLoadOrder.CONFORMANCE)
class ConformanceResourceLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ConformanceResourceLoader.class);
    private static final List<String> LOAD_ORDER = List.of("CodeSystem", "ValueSet", "ConceptMap", "StructureDefinition", "SearchParameter");

    private final FhirContext fhirContext;
    private final DefinitionFiles files;
    private final DaoRegistry daoRegistry;
    private final IValidationSupport serverValidationSupport;
    private final SearchParamRegistryImpl searchParamRegistry;
    private final List<GeneratedDefinitions> generated;
    private final ApplicationEventPublisher events;

    ConformanceResourceLoader(
            FhirContext fhirContext,
            DefinitionFiles files,
            DaoRegistry daoRegistry,
            IValidationSupport serverValidationSupport,
            SearchParamRegistryImpl searchParamRegistry,
            List<GeneratedDefinitions> generated,
            ApplicationEventPublisher events) {
        this.fhirContext = fhirContext;
        this.files = files;
        this.daoRegistry = daoRegistry;
        this.serverValidationSupport = serverValidationSupport;
        this.searchParamRegistry = searchParamRegistry;
        this.generated = generated;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Resource> resources = new ArrayList<>(files.terminology());
        resources.addAll(files.profiles());
        resources.sort(Comparator.comparingInt(ConformanceResourceLoader::loadRank));
        ValidationSupportChain definitions = chainOver(resources);
        generated.forEach(definition -> resources.addAll(definition.resources()));
        // one worker context for all snapshots: it converts the ~650 core definitions once, not per profile
        SnapshotGeneratingValidationSupport snapshots = new SnapshotGeneratingValidationSupport(
                fhirContext, WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(definitions));
        SystemRequestDetails request = new SystemRequestDetails();
        int written = 0;
        for (Resource resource : resources) {
            if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
                throw new IllegalStateException("Definition without an id: " + resource.fhirType());
            }
            @SuppressWarnings("unchecked")
            IFhirResourceDao<Resource> dao = daoRegistry.getResourceDao(resource.fhirType());
            if (storedUnchanged(dao, resource, request)) {
                continue;
            }
            Resource stored = resource instanceof StructureDefinition profile && !profile.hasSnapshot()
                    ? withSnapshot(snapshots, definitions, profile)
                    : resource;
            dao.update(stored, request);
            written++;
        }
        serverValidationSupport.invalidateCaches();
        events.publishEvent(new DefinitionsReloaded());
        if (written > 0) {
            searchParamRegistry.forceRefresh();
        }
        LOG.info("Profiles and terminology: {} resources, {} stored anew", resources.size(), written);
    }

    /** Whether the server already holds this file's content (what snapshot generation adds aside). */
    private static boolean storedUnchanged(IFhirResourceDao<Resource> dao, Resource file, SystemRequestDetails request) {
        Resource stored;
        try {
            stored = dao.read(file.getIdElement().toUnqualifiedVersionless(), request);
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return false;
        }
        return comparable(stored).equalsDeep(comparable(file));
    }

    /** What of a definition decides whether the stored one is this file's content. */
    static Resource comparable(Resource resource) {
        Resource copy = resource.copy();
        copy.setMeta(null);
        copy.setIdElement(null);
        if (copy instanceof StructureDefinition definition) {
            definition.setSnapshot(null);
            definition.setMapping(null);
        }
        if (copy instanceof Questionnaire questionnaire) {
            // the licensed wording a site put into a shipped instrument stays: it is not part of the shipped content
            withoutWording(questionnaire.getItem());
        }
        return copy;
    }

    private static void withoutWording(List<Questionnaire.QuestionnaireItemComponent> items) {
        for (Questionnaire.QuestionnaireItemComponent item : items) {
            item.setText(null);
            item.getAnswerOption().stream().filter(Questionnaire.QuestionnaireItemAnswerOptionComponent::hasValueCoding)
                    .forEach(option -> option.getValueCoding().setDisplay(null));
            withoutWording(item.getItem());
        }
    }

    private ValidationSupportChain chainOver(List<Resource> resources) {
        PrePopulatedValidationSupport shipped = new PrePopulatedValidationSupport(fhirContext);
        resources.forEach(shipped::addResource);
        return new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhirContext),
                shipped,
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext),
                new SnapshotGeneratingValidationSupport(fhirContext));
    }

    private static StructureDefinition withSnapshot(
            IValidationSupport generator, ValidationSupportChain chain, StructureDefinition differential) {
        StructureDefinition copy = differential.copy();
        StructureDefinition generated = (StructureDefinition) generator.generateSnapshot(
                new ValidationSupportContext(chain), copy, copy.getUrl(), null, copy.getName());
        if (generated == null || !generated.hasSnapshot()) {
            throw new IllegalStateException("Could not generate the snapshot of " + differential.getUrl());
        }
        List<String> lost = SnapshotCheck.lostConstraints(generated);
        if (!lost.isEmpty()) {
            throw new IllegalStateException("The snapshot of " + differential.getUrl() + " lost constraints: " + lost);
        }
        generated.setId(differential.getIdElement().getIdPart());
        return generated;
    }

    /** Terminology before profiles; extension definitions before the profiles that use them. */
    private static int loadRank(Resource resource) {
        int rank = LOAD_ORDER.indexOf(resource.fhirType());
        if (rank < 0) {
            return 2 * LOAD_ORDER.size();
        }
        boolean profileUsingExtensions =
                resource instanceof StructureDefinition definition && !"Extension".equals(definition.getType());
        return 2 * rank + (profileUsingExtensions ? 1 : 0);
    }
}
