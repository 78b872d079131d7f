package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ServerRelativeRedirectsTest {

    private final ServerRelativeRedirects clients = new ServerRelativeRedirects(new InMemoryRegisteredClientRepository(
            app("dashboard", "/dashboard/"), app("smart-app", "http://localhost:3000/callback")));

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPathIsResolvedAgainstTheAddressOfTheRequest() {
        request("http", "localhost", 41234);

        assertThat(clients.findByClientId("dashboard").getRedirectUris()).containsExactly("http://localhost:41234/dashboard/");
        assertThat(clients.findById("dashboard-id").getRedirectUris()).containsExactly("http://localhost:41234/dashboard/");
    }

    @Test
    void theDefaultPortIsLeftOut() {
        request("https", "trial.example.org", 443);

        assertThat(clients.findByClientId("dashboard").getRedirectUris()).containsExactly("https://trial.example.org/dashboard/");
    }

    @Test
    void absoluteRedirectsStayAsRegistered() {
        request("http", "localhost", 8080);

        assertThat(clients.findByClientId("smart-app").getRedirectUris()).containsExactly("http://localhost:3000/callback");
    }

    @Test
    void outsideARequestNothingIsResolved() {
        assertThat(clients.findByClientId("dashboard").getRedirectUris()).containsExactly("/dashboard/");
        assertThat(clients.findByClientId("unknown")).isNull();
    }

    private static void request(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private static RegisteredClient app(String id, String redirect) {
        return RegisteredClient.withId(id + "-id").clientId(id)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirect)
                .build();
    }
}
