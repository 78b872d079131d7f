package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Parses the ~650 core R4 StructureDefinitions on a second core while Spring reads its configuration.
 *
 * <p>HAPI's search parameter extractor needs them (for its FHIRPath engine) when the beans are
 * created, on the main thread, where parsing them from XML took 2 to 4 s. HAPI keeps them once per
 * FHIR version for every {@link DefaultProfileValidationSupport}, whichever context parsed them.
 * The main thread joins the parser before it creates any bean (HAPI's cache is not synchronised);
 * should parsing fail, HAPI parses them itself when first needed, as before.
 */
final class CoreDefinitionsPreload {

    private static final Logger LOG = LoggerFactory.getLogger(CoreDefinitionsPreload.class);

    private CoreDefinitionsPreload() {}

    /**
     * Starts the parser when the context is initialised (logging is configured by then) and makes the
     * context wait for it once its configuration is read.
     */
    static ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            Thread parser = new Thread(CoreDefinitionsPreload::parse, "core-definitions-preload");
            parser.setDaemon(true);
            parser.start();
            context.addBeanFactoryPostProcessor(beanFactory -> join(parser));
        };
    }

    private static void parse() {
        try {
            new DefaultProfileValidationSupport(FhirContext.forR4Cached()).fetchAllStructureDefinitions();
        } catch (RuntimeException e) {
            LOG.debug("Core definitions not preloaded; HAPI parses them when first needed", e);
        }
    }

    private static void join(Thread parser) {
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
