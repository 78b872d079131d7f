package org.isotox.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.isotox.server.IsotoxServerApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real server on a random port, on the embedded PostgreSQL, with REST Assured aimed at
 * {@code /fhir}. Every class with this annotation shares one Spring context (and one HAPI start).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IsotoxServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = PostgresContextInitializer.class)
@ExtendWith(RestAssuredServerExtension.class)
public @interface FhirServerTest {}
