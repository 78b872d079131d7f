package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The servlet-level limits of {@link LimitsProperties}: slow bodies, the request deadline, Tomcat's upload timeout. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    /** Before {@link RequestSizeLimitFilter}, whose counting then reads through the deadline. */
    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
            FhirContext fhirContext, LimitsProperties limits, @Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        FilterRegistrationBean<UploadLimitFilter> registration =
                new FilterRegistrationBean<>(new UploadLimitFilter(fhirContext, limits));
        registration.setEnabled(!plainHapi);
        registration.addUrlPatterns(FhirEndpointConfiguration.FHIR_PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestDeadline> requestDeadline(LimitsProperties limits) {
        FilterRegistrationBean<RequestDeadline> registration =
                new FilterRegistrationBean<>(new RequestDeadline(limits.requestDeadline()));
        registration.addUrlPatterns(FhirEndpointConfiguration.FHIR_PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * While a body is read, a pause longer than {@code body-stall} ends the read (Tomcat's own read timeout
     * applies otherwise); a body given up on is not read to its end.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowBodyTimeouts(LimitsProperties limits) {
        return factory -> {
            factory.addContextValves(new AbandonedBodyValve());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) limits.bodyStall().toMillis());
                }
            });
        };
    }
}
