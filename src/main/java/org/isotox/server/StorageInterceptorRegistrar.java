package org.isotox.server;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import java.util.Set;
import org.isotox.fhir.RestInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Registers every Isotox bean annotated with HAPI's {@link Interceptor} on the JPA interceptor
 * service, so that its hooks see every write: REST requests, transactions and internal writes alike.
 *
 * <p>For the benchmark only: {@code isotox.rules.enabled=false} leaves out the trial's rules and
 * profile validation (every interceptor but the server's and access control's); {@code isotox.plain-hapi=true}
 * leaves out all of them.
 */
@Component
class StorageInterceptorRegistrar implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StorageInterceptorRegistrar.class);
    /** The server's own hooks and access control (site ownership) stay on when the trial rules are off. */
    private static final Set<String> ALWAYS_ON = Set.of(StorageInterceptorRegistrar.class.getPackageName(), "org.isotox.security.fhir");

    private final ApplicationContext context;
    private final IInterceptorService jpaInterceptorService;
    private final boolean rulesEnabled;
    private final boolean plainHapi;

    StorageInterceptorRegistrar(
            ApplicationContext context,
            IInterceptorService jpaInterceptorService,
            @Value("${isotox.rules.enabled:true}") boolean rulesEnabled,
            @Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        this.context = context;
        this.jpaInterceptorService = jpaInterceptorService;
        this.rulesEnabled = rulesEnabled;
        this.plainHapi = plainHapi;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (plainHapi || !rulesEnabled) {
            LOG.warn("*** {}: writes are NOT checked against the trial's rules{}. For benchmarks only.",
                    plainHapi ? "isotox.plain-hapi=true" : "isotox.rules.enabled=false",
                    plainHapi ? " nor by any Isotox interceptor" : " nor validated against its profiles");
        }
        // by name first: instantiating HAPI's own (lazy, optional) interceptor beans would fail
        for (String name : context.getBeanNamesForAnnotation(Interceptor.class)) {
            Class<?> type = context.getType(name);
            if (type != null && type.getName().startsWith("org.isotox.") && !RestInterceptor.class.isAssignableFrom(type)
                    && !plainHapi && (rulesEnabled || ALWAYS_ON.contains(type.getPackageName()))) {
                jpaInterceptorService.registerInterceptor(context.getBean(name));
            }
        }
    }
}
