package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.OwnershipPolicy;

/**
 * The doors that name one resource and answer about it: read, vread, its history, {@code $meta},
 * {@code $validate} or {@code $everything} on it, any operation on it. A token that may not see the
 * resource gets the same 404 as for a resource that does not exist, before anything is read or
 * counted; writes to it are judged by {@link OwnershipStamp}.
 */
final class InstanceDoors implements RestInterceptor {

    private static final Set<RestOperationTypeEnum> ABOUT_ONE_RESOURCE = Set.of(
            RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE,
            RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, RestOperationTypeEnum.META, RestOperationTypeEnum.META_ADD,
            RestOperationTypeEnum.META_DELETE, RestOperationTypeEnum.VALIDATE, RestOperationTypeEnum.GET_PAGE);

    private final BearerGrants grants;
    private final StoredOwners owners;

    InstanceDoors(BearerGrants grants, StoredOwners owners) {
        this.grants = grants;
        this.owners = owners;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        IIdType id = request.getId();
        if (!ABOUT_ONE_RESOURCE.contains(operation) || id == null || !id.hasIdPart() || request.getResourceName() == null) {
            return;
        }
        IdType resource = new IdType(request.getResourceName(), id.getIdPart());
        // a resource without a label (the audit trail) or without a stored version is left to the usual answers
        Optional<Owner> owner = owners.of(resource, request);
        if (owner.isPresent() && !OwnershipPolicy.maySee(grants.of(request), request.getResourceName(), owner.get())) {
            throw new ResourceNotFoundException(resource);
        }
    }
}
