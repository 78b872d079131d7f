package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo accounts (published secrets) are on for the zero-setup default and off under the {@code postgres}
 * profile, which the Docker image and compose file run, unless {@code ISOTOX_DEMO_ACCOUNTS} says otherwise.
 */
class DemoAccountsSettingTest {

    private static final String DEMO = "isotox.security.embedded-issuer.demo.enabled";

    @Test
    void onForTheDefaultProfileOffForPostgres() throws IOException {
        assertThat(environment(false).getProperty(DEMO, Boolean.class)).isTrue();
        assertThat(environment(true).getProperty(DEMO, Boolean.class)).isFalse();
    }

    /** application.yaml, then application-postgres.yaml over it, as Spring Boot orders them (no ISOTOX_DEMO_ACCOUNTS set). */
    private static StandardEnvironment environment(boolean postgres) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("application", new ClassPathResource("application.yaml")).forEach(environment.getPropertySources()::addLast);
        if (postgres) {
            yaml.load("application-postgres", new ClassPathResource("application-postgres.yaml"))
                    .forEach(environment.getPropertySources()::addFirst);
        }
        return environment;
    }
}
