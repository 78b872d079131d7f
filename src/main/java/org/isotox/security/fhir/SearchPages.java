package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Site;

/**
 * The pages of a search ({@code _getpages}) go to whom the search was narrowed for. A site's search id
 * starts with a mark of its site (in place of the id's first group of random digits); a site's token that
 * asks for the pages of any other search (another site's, or the coordinator's, whose entries would be left
 * out but whose total and number of pages would count all sites) is answered as for a search that has
 * expired. The trial-wide roles page through any search.
 */
final class SearchPages implements RestInterceptor {

    private final BearerGrants grants;

    SearchPages(BearerGrants grants) {
        this.grants = grants;
    }

    /** Gives a narrowed search of a site's token an id that carries the site's mark. */
    static void markFor(AccessGrant grant, ICachedSearchDetails search) {
        String uuid = search.getUuid();
        mark(grant).filter(m -> uuid != null && uuid.length() > m.length()).ifPresent(m -> search.setUuid(m + uuid.substring(m.length())));
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation != RestOperationTypeEnum.GET_PAGE) {
            return;
        }
        String[] pages = request.getParameters().get(Constants.PARAM_PAGINGACTION);
        Optional<String> mark = mark(grants.of(request));
        if (mark.isPresent() && pages != null && pages.length > 0 && !pages[0].startsWith(mark.get())) {
            throw new ResourceGoneException("Search ID \"" + pages[0] + "\" does not exist and may have expired");
        }
    }

    /** The first group of a site's search ids ({@code 8 hex digits} and a dash); empty for a trial-wide token. */
    private static Optional<String> mark(AccessGrant grant) {
        if (!grant.role().siteBound()) {
            return Optional.empty();
        }
        String code = grant.site().map(Site::code).orElse("");
        CRC32 crc = new CRC32();
        crc.update(code.getBytes(StandardCharsets.UTF_8));
        return Optional.of(HexFormat.of().toHexDigits((int) crc.getValue()) + "-");
    }
}
