package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.OwnershipPolicy;
import org.isotox.security.domain.Write;
import org.isotox.security.domain.WriteVerdict;
import org.isotox.security.domain.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the resources stored before owners were labelled their label, at start-up and before anything
 * else is loaded: each as the coordinator would own it had he written it now, a patient at the site that
 * managed or enrolled it (the previous version's notion of a site's patient). The label is added to the
 * current version ({@code $meta-add}: no new version); a resource already labelled is left alone, so a
 * run that stops half way resumes where it stopped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OwnershipBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OwnershipBackfill.class);
    private static final int BATCH = 500;
    /** HAPI's TagTypeEnum.SECURITY_LABEL, as stored in HFJ_TAG_DEF.TAG_TYPE. */
    private static final int SECURITY_LABEL = 2;
    private static final String UNLABELLED = """
            select r.res_type, r.fhir_id from hfj_resource r
            where r.res_deleted_at is null and r.res_type <> 'AuditEvent' and not exists (
              select 1 from hfj_res_tag rt join hfj_tag_def d on d.tag_id = rt.tag_id
              where rt.res_id = r.res_id and d.tag_type = ? and d.tag_system in (?, ?))
            order by case r.res_type when 'Patient' then 0 when 'ResearchSubject' then 1 else 2 end, r.res_id
            """;

    private final JdbcTemplate jdbc;
    private final DaoRegistry daoRegistry;
    private final WriteFacts facts;

    OwnershipBackfill(DataSource dataSource, DaoRegistry daoRegistry, WriteFacts facts) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setMaxRows(BATCH);
        this.daoRegistry = daoRegistry;
        this.facts = facts;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> failed = new HashSet<>();
        Map<String, Optional<Owner>> decided = new HashMap<>();
        while (true) {
            List<IdType> batch = jdbc.query(UNLABELLED, (row, i) -> new IdType(row.getString(1), row.getString(2)),
                            SECURITY_LABEL, OwnershipLabels.SITE_SYSTEM, OwnershipLabels.OWNERSHIP_SYSTEM).stream()
                    .filter(id -> !failed.contains(id.getValue()))
                    .toList();
            if (batch.isEmpty()) {
                break;
            }
            for (IdType id : batch) {
                try {
                    Owner owner = ownerOf(id, decided, new HashSet<>()).orElse(Owner.TRIAL_WIDE);
                    label(id, owner);
                    counts.merge(kind(owner), 1, Integer::sum);
                } catch (RuntimeException e) {
                    failed.add(id.getValue());
                    LOG.warn("Ownership label: {} could not be labelled: {}", id.getValue(), e.toString());
                }
            }
        }
        if (!counts.isEmpty() || !failed.isEmpty()) {
            LOG.info("Ownership labels given to resources stored without one: {} site-owned, {} shared, {} trial-wide; {} failed",
                    counts.getOrDefault("site", 0), counts.getOrDefault("shared", 0), counts.getOrDefault("trial-wide", 0), failed.size());
        }
    }

    /** The owner of a stored resource: its label, or the one it gets (worked out first for what it refers to). */
    private Optional<Owner> ownerOf(IIdType id, Map<String, Optional<Owner>> decided, Set<String> visiting) {
        String key = id.getResourceType() + "/" + id.getIdPart();
        if (decided.containsKey(key)) {
            return decided.get(key);
        }
        IBaseResource resource;
        try {
            resource = daoRegistry.getResourceDao(id.getResourceType()).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
        } catch (RuntimeException absent) {
            decided.put(key, Optional.empty());
            return Optional.empty();
        }
        Optional<Owner> labelled = OwnershipLabels.of(resource);
        if (labelled.isPresent() || !visiting.add(key)) {
            return labelled.or(() -> Optional.of(Owner.TRIAL_WIDE));
        }
        Write write = facts.of(resource, Optional.empty(), target -> ownerOf(target, decided, visiting));
        if (write.namedSite().isEmpty() && "Patient".equals(write.resourceType())) {
            write = new Write(write.resourceType(), write.stored(), write.labelled(), write.referenced(), enrollingSite(key), false);
        }
        Writer writer = "Binary".equals(write.resourceType()) ? Writer.SERVER : Writer.COORDINATOR;
        Owner owner = OwnershipPolicy.decide(writer, write) instanceof WriteVerdict.Stamp stamp ? stamp.owner() : Owner.TRIAL_WIDE;
        decided.put(key, Optional.of(owner));
        return Optional.of(owner);
    }

    /** The one site whose ResearchSubjects name the patient; empty for none or several. */
    private Optional<String> enrollingSite(String patient) {
        List<String> sitesOfSubjects = new ArrayList<>();
        daoRegistry.getResourceDao(ResearchSubject.class)
                .search(SearchParameterMap.newSynchronous(ResearchSubject.SP_INDIVIDUAL, new ReferenceParam(patient)), new SystemRequestDetails())
                .getAllResources()
                .forEach(subject -> facts.of(subject, Optional.empty(), target -> Optional.empty()).namedSite().ifPresent(sitesOfSubjects::add));
        List<String> distinct = sitesOfSubjects.stream().distinct().toList();
        return distinct.size() == 1 ? Optional.of(distinct.get(0)) : Optional.empty();
    }

    private void label(IdType id, Owner owner) {
        Meta meta = new Meta();
        meta.addSecurity(OwnershipLabels.coding(owner));
        daoRegistry.getResourceDao(id.getResourceType()).metaAddOperation(id.toUnqualifiedVersionless(), meta, Relabelling.request());
    }

    private static String kind(Owner owner) {
        return owner instanceof Owner.SiteOwned ? "site" : owner instanceof Owner.Shared ? "shared" : "trial-wide";
    }
}
