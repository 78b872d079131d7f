package org.isotox.server;

import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.DiffProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.isotox.fhir.OperationProvider;
import org.isotox.fhir.RestInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The FHIR REST endpoint at {@code /fhir}: HAPI's {@link RestfulServer} with the JPA providers.
 * {@code isotox.plain-hapi=true} (the benchmark's baseline) leaves out every Isotox REST interceptor and filter.
 */
@Configuration(proxyBeanMethods = false)
class FhirEndpointConfiguration {

    static final String FHIR_PATH = "/fhir";

    /** Held, not exposed as a Servlet bean: Boot would create it with the web server (see {@link DeferredServlet}). */
    record FhirRestfulServer(RestfulServer server) {}

    @Bean
    FhirRestfulServer fhirRestfulServer(
            FhirContext fhirContext,
            FhirServerProperties properties,
            IFhirSystemDao<?, ?> systemDao,
            ResourceProviderFactory resourceProviders,
            JpaSystemProvider<?, ?> systemProvider,
            JpaStorageSettings storageSettings,
            ISearchParamRegistry searchParamRegistry,
            IValidationSupport validationSupport,
            DatabaseBackedPagingProvider pagingProvider,
            BulkDataExportProvider bulkExportProvider,
            ValueSetOperationProvider valueSetOperationProvider,
            DiffProvider diffProvider,
            ObjectProvider<OperationProvider> operationProviders,
            ObjectProvider<RestInterceptor> restInterceptors,
            @Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        RestfulServer server = new RestfulServer(fhirContext);
        server.setServerName(properties.serverName());
        server.setServerVersion(properties.serverVersion());
        server.setImplementationDescription(properties.serverName() + " for isotoxic radiotherapy trials");
        server.setDefaultResponseEncoding(EncodingEnum.JSON);

        server.registerProviders(resourceProviders.createProviders());
        server.registerProviders(
                systemProvider, bulkExportProvider, valueSetOperationProvider, diffProvider);
        server.registerProviders(operationProviders.orderedStream().toList());

        JpaCapabilityStatementProvider capabilityStatement = new JpaCapabilityStatementProvider(
                server, systemDao, storageSettings, searchParamRegistry, validationSupport);
        capabilityStatement.setImplementationDescription(server.getImplementationDescription());
        server.setServerConformanceProvider(capabilityStatement);

        pagingProvider.setDefaultPageSize(properties.defaultPageSize());
        pagingProvider.setMaximumPageSize(properties.maxPageSize());
        server.setPagingProvider(pagingProvider);

        if (!properties.serverAddress().isBlank()) {
            server.setServerAddressStrategy(new HardcodedServerAddressStrategy(properties.serverAddress()));
        }
        server.registerInterceptor(new ResponseHighlighterInterceptor());
        if (!plainHapi) {
            server.registerInterceptor(new CapabilityStatementCustomizer());
            restInterceptors.orderedStream().forEach(server::registerInterceptor);
        }
        return new FhirRestfulServer(server);
    }

    @Bean
    ServletRegistrationBean<DeferredServlet> fhirServletRegistration(ObjectProvider<FhirRestfulServer> fhirRestfulServer) {
        ServletRegistrationBean<DeferredServlet> registration = new ServletRegistrationBean<>(
                new DeferredServlet(() -> fhirRestfulServer.getObject().server()), FHIR_PATH + "/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(@Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setEnabled(!plainHapi);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            FhirContext fhirContext, FhirServerProperties properties, @Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(fhirContext, properties.maxRequestSize().toBytes()));
        registration.setEnabled(!plainHapi);
        registration.addUrlPatterns(FHIR_PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EmptyPathSegmentFilter> emptyPathSegmentFilter(
            FhirContext fhirContext, @Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        FilterRegistrationBean<EmptyPathSegmentFilter> registration = new FilterRegistrationBean<>(new EmptyPathSegmentFilter(fhirContext));
        registration.setEnabled(!plainHapi);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
