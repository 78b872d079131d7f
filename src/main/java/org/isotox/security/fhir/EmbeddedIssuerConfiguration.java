package org.isotox.security.fhir;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.isotox.security.fhir.SecurityProperties.App;
import org.isotox.security.fhir.SecurityProperties.Client;
import org.isotox.security.fhir.SecurityProperties.EmbeddedIssuer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The issuer that works out of the box (Spring Authorization Server): the demo clients and users of
 * {@code isotox.security.embedded-issuer}, client credentials for backends, authorization code
 * with PKCE for SMART apps, tokens carrying the trial role and site. Off when an external issuer
 * is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${isotox.security.enabled:true} and '${isotox.security.issuer-uri:}'.isEmpty()")
class EmbeddedIssuerConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddedIssuerConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .addFilterAfter(new AuthorizeAudienceCheck(properties.audience()), SecurityContextHolderFilter.class)
                .addFilterAfter(new PatientPickerRedirect(properties), SecurityContextHolderFilter.class)
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults())
                        .tokenEndpoint(token -> token.accessTokenResponseHandler(launchContextResponse())))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .cors(Customizer.withDefaults());
        return http.build();
    }

    private static OAuth2AccessTokenResponseAuthenticationSuccessHandler launchContextResponse() {
        OAuth2AccessTokenResponseAuthenticationSuccessHandler handler = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        handler.setAccessTokenResponseCustomizer(new LaunchContextResponse());
        return handler;
    }

    @Bean
    LaunchPatients launchPatients(DaoRegistry daoRegistry) {
        return new LaunchPatients(daoRegistry);
    }

    @Bean
    OAuth2AuthorizationService issuedAuthorizations() {
        return new LaunchPatientAuthorizations(new InMemoryOAuth2AuthorizationService());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.embeddedIssuer().issuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> embeddedIssuerKeys(SecurityProperties properties) throws IOException {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(Path.of(properties.embeddedIssuer().keyFile()))));
    }

    @Bean
    RegisteredClientRepository registeredClients(SecurityProperties properties) {
        EmbeddedIssuer issuer = properties.embeddedIssuer();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(issuer.tokenLifetime()).build();
        List<RegisteredClient> clients = new java.util.ArrayList<>();
        if (issuer.demo().enabled()) {
            LOG.warn("*** Demo accounts with published secrets are ON (isotox.security.embedded-issuer.demo.enabled / ISOTOX_DEMO_ACCOUNTS):"
                    + " clients {}, users {}. Switch them off anywhere but a first look. ***",
                    issuer.demo().clients().stream().map(Client::id).toList(),
                    issuer.demo().users().stream().map(SecurityProperties.User::username).toList());
        }
        for (Client client : issuer.activeClients()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
                    .clientId(client.id())
                    .clientSecret("{noop}" + client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(client.scopes()))
                    .tokenSettings(tokens)
                    .build());
        }
        for (App app : issuer.apps()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(app.id().getBytes()).toString())
                    .clientId(app.id())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris -> uris.addAll(app.redirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scopes(scopes -> scopes.addAll(app.scopes()))
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(tokens)
                    .build());
        }
        return new ServerRelativeRedirects(new InMemoryRegisteredClientRepository(clients));
    }

    @Bean
    UserDetailsService issuerUsers(SecurityProperties properties) {
        return new InMemoryUserDetailsManager(properties.embeddedIssuer().activeUsers().stream()
                .map(user -> User.withUsername(user.username()).password("{noop}" + user.password()).roles("USER").build())
                .toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> trialClaims(SecurityProperties properties) {
        return new TrialClaimsCustomizer(properties);
    }
}
