package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Owner;

/**
 * A site client's conditional create, update, patch and delete (REST, or entries of a transaction or
 * batch) match within its own site: its match URL gets the site's ownership label ({@code _security}).
 * The storage layer narrows the match anyway; this also makes the match URL HAPI keeps to make
 * conditional creates unique ({@code HFJ_RES_SEARCH_URL}) the site's own, so that two sites creating a
 * patient under the same identifier do not collide (the second would otherwise get a 409 that tells it
 * another site holds such a patient).
 */
final class SiteConditionalUrls implements RestInterceptor {

    private static final Set<RequestTypeEnum> CONDITIONAL_BY_URL = Set.of(RequestTypeEnum.PUT, RequestTypeEnum.PATCH, RequestTypeEnum.DELETE);

    private final BearerGrants grants;

    SiteConditionalUrls(BearerGrants grants) {
        this.grants = grants;
    }

    /** Before HAPI binds the method's parameters (the conditional URL, {@code If-None-Exist}). */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void narrowRequest(RequestDetails request) {
        Optional<String> label = siteLabel(grants.of(request));
        if (label.isEmpty() || request.getResourceName() == null) {
            return;
        }
        String ifNoneExist = request.getHeader(Constants.HEADER_IF_NONE_EXIST);
        if (request.getRequestType() == RequestTypeEnum.POST && ifNoneExist != null && !ifNoneExist.isBlank()) {
            request.setHeaders(Constants.HEADER_IF_NONE_EXIST, List.of(withLabel(ifNoneExist, label.get())));
        }
        boolean conditionalByUrl = CONDITIONAL_BY_URL.contains(request.getRequestType())
                && (request.getId() == null || !request.getId().hasIdPart()) && request.getCompleteUrl().contains("?");
        if (conditionalByUrl) {
            request.setCompleteUrl(withLabel(request.getCompleteUrl(), URLEncoder.encode(label.get(), StandardCharsets.UTF_8)));
            Map<String, String[]> parameters = new HashMap<>(request.getParameters());
            parameters.put(Constants.PARAM_SECURITY, new String[] {label.get()});
            request.setParameters(parameters);
        }
    }

    /** The entries of a transaction or batch, parsed by now and not yet processed. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void narrowEntries(RequestDetails request) {
        Optional<String> label = siteLabel(grants.of(request));
        if (label.isEmpty() || !(request.getResource() instanceof Bundle bundle)
                || (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH)) {
            return;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Bundle.BundleEntryRequestComponent entryRequest = entry.getRequest();
            if (entryRequest.hasIfNoneExist()) {
                entryRequest.setIfNoneExist(withLabel(entryRequest.getIfNoneExist(), label.get()));
            }
            boolean conditionalByUrl = entryRequest.getMethod() == Bundle.HTTPVerb.PUT || entryRequest.getMethod() == Bundle.HTTPVerb.PATCH
                    || entryRequest.getMethod() == Bundle.HTTPVerb.DELETE;
            if (conditionalByUrl && entryRequest.hasUrl() && entryRequest.getUrl().contains("?")) {
                entryRequest.setUrl(withLabel(entryRequest.getUrl(), label.get()));
            }
        }
    }

    private static Optional<String> siteLabel(AccessGrant grant) {
        if (!grant.role().siteBound()) {
            return Optional.empty();
        }
        return grant.site().map(site -> {
            Coding label = OwnershipLabels.coding(Owner.site(site.code()));
            return label.getSystem() + "|" + label.getCode();
        });
    }

    private static String withLabel(String url, String label) {
        String separator = url.contains("?") || url.contains("=") ? "&" : "?";
        return url + separator + Constants.PARAM_SECURITY + "=" + label;
    }
}
