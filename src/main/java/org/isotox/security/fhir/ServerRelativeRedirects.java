package org.isotox.security.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Registered clients whose redirect URIs may be written as a path ({@code /dashboard/}): such a URI
 * means "on this server" and is resolved against the address the browser used for the request being
 * handled (behind a proxy, the forwarded one when {@code server.forward-headers-strategy} is set).
 * The apps the server serves itself (the dashboard) thus sign in whatever host and port it runs on,
 * a random test port included, while the issuer still matches redirect URIs exactly.
 */
final class ServerRelativeRedirects implements RegisteredClientRepository {

    private final RegisteredClientRepository registered;

    ServerRelativeRedirects(RegisteredClientRepository registered) {
        this.registered = registered;
    }

    @Override
    public void save(RegisteredClient client) {
        registered.save(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return resolved(registered.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return resolved(registered.findByClientId(clientId));
    }

    private static RegisteredClient resolved(RegisteredClient client) {
        if (client == null || client.getRedirectUris().stream().noneMatch(ServerRelativeRedirects::isPath)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return client;
        }
        String origin = origin(attributes.getRequest());
        Set<String> uris = client.getRedirectUris().stream()
                .map(uri -> isPath(uri) ? origin + uri : uri)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return RegisteredClient.from(client).redirectUris(current -> {
            current.clear();
            current.addAll(uris);
        }).build();
    }

    private static boolean isPath(String uri) {
        return uri.startsWith("/");
    }

    private static String origin(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath())
                .replaceQuery(null).build().toUriString();
    }
}
