package org.isotox.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Isotox FHIR server: HAPI FHIR JPA (R4) on Spring Boot.
 *
 * <p>Boot auto-configurations for libraries that HAPI brings but manages itself (Quartz,
 * Elasticsearch, Flyway, Thymeleaf) are excluded: HAPI configures its own scheduler and schema,
 * and without the exclusions start-up is about a third slower and logs Elasticsearch connection errors.
 * Security (the token decoder, the embedded issuer, its users) is configured explicitly in
 * {@code org.isotox.security.fhir}, not guessed from properties.
 */
@EnableScheduling
@SpringBootApplication(
        scanBasePackages = "org.isotox",
        exclude = {
            QuartzAutoConfiguration.class,
            ElasticsearchClientAutoConfiguration.class,
            ElasticsearchRestClientAutoConfiguration.class,
            FlywayAutoConfiguration.class,
            ThymeleafAutoConfiguration.class,
            OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConfigurationPropertiesScan("org.isotox")
public class IsotoxServerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(IsotoxServerApplication.class);
        application.addInitializers(CoreDefinitionsPreload.initializer());
        application.run(args);
    }
}
