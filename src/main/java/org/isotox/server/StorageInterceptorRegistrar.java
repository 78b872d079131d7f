package org.isotox.server;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import org.isotox.fhir.RestInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Registers every Isotox bean annotated with HAPI's {@link Interceptor} on the JPA interceptor
 * service, so that its hooks see every write: REST requests, transactions and internal writes alike.
 */
@Component
class StorageInterceptorRegistrar implements SmartInitializingSingleton {

    private final ApplicationContext context;
    private final IInterceptorService jpaInterceptorService;

    StorageInterceptorRegistrar(ApplicationContext context, IInterceptorService jpaInterceptorService) {
        this.context = context;
        this.jpaInterceptorService = jpaInterceptorService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // by name first: instantiating HAPI's own (lazy, optional) interceptor beans would fail
        for (String name : context.getBeanNamesForAnnotation(Interceptor.class)) {
            Class<?> type = context.getType(name);
            if (type != null && type.getName().startsWith("org.isotox.") && !RestInterceptor.class.isAssignableFrom(type)) {
                jpaInterceptorService.registerInterceptor(context.getBean(name));
            }
        }
    }
}
