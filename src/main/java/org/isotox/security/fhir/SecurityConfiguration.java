package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who gets into the server: the FHIR API only with a valid bearer token (its capability statement
 * and SMART discovery document excepted), browser apps only from the configured origins. What a
 * token may do once in is decided by the HAPI interceptors of {@link TrialSecurityInterceptors}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String FHIR_PATHS = "/fhir/**";

    @Bean
    @Order(2)
    @ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "true", matchIfMissing = true)
    SecurityFilterChain fhirApiSecurity(HttpSecurity http, JwtDecoder tokens, FhirContext fhirContext) throws Exception {
        // path patterns on the whole request path: the FHIR API is HAPI's servlet, not a Spring MVC handler
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher(FHIR_PATHS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/fhir/metadata")).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, SmartConfigurationServlet.PATH)).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.OPTIONS, FHIR_PATHS)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(tokens))
                        .authenticationEntryPoint(new OperationOutcomeEntryPoint(fhirContext)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The actuator: open to all (probes and the health status), a bearer token read when one is sent, so
     * that the coordinator's token (role {@code coordinator}) sees the health details
     * ({@code management.endpoint.health.roles}) and nobody else does.
     */
    @Bean
    @Order(3)
    @ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "true", matchIfMissing = true)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, JwtDecoder tokens, FhirContext fhirContext) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLE);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(new OperationOutcomeEntryPoint(fhirContext)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Sign-in pages of the embedded issuer and everything else outside the FHIR API and the actuator. */
    @Bean
    @Order(4)
    @ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "true", matchIfMissing = true)
    SecurityFilterChain siteSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        if (properties.embedded()) {
            http.formLogin(Customizer.withDefaults());
        }
        return http.build();
    }

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "false")
    SecurityFilterChain noSecurity(HttpSecurity http) throws Exception {
        log.warn("*** isotox.security.enabled=false: the FHIR API is open to anyone who can reach it, with no audit of who."
                + " For local experiments only. ***");
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Exist",
                "If-None-Match", "If-Modified-Since", "Prefer", "X-Request-Id"));
        cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified", "WWW-Authenticate"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
