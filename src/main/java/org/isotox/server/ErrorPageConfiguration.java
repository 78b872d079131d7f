package org.isotox.server;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat with {@link OperationOutcomeErrorValve} as its error page; Boot's customizers still apply. */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory() {
        return new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
                // the host adds its error valve when it starts, which the web server below does
                ((StandardHost) tomcat.getHost()).setErrorReportValveClass(OperationOutcomeErrorValve.class.getName());
                return super.getTomcatWebServer(tomcat);
            }
        };
    }
}
