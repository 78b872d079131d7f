package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.dao.CacheTagDefinitionDao;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * HAPI resolves tag definitions (every {@code meta.profile} is a tag) through
 * {@link SessionSafeMemoryCache}, which keeps none: the benchmark's growth run met, in 2 of ~56 000
 * transactions, "Illegal attempt to associate a collection with two open sessions:
 * TagDefinition.myResources" when HAPI's own cache handed two sessions one entity instance.
 */
@FhirServerTest
class SessionSafeMemoryCacheIT {

    @Autowired
    MemoryCacheService caches;

    @Autowired
    CacheTagDefinitionDao tagDefinitions;

    @Test
    void hapiResolvesTagDefinitionsThroughTheCacheThatKeepsNone() {
        assertThat(caches).isInstanceOf(SessionSafeMemoryCache.class);
        // a @Repository: Spring hands out a proxy
        assertThat(AopTestUtils.<CacheTagDefinitionDao>getTargetObject(tagDefinitions))
                .extracting("memoryCacheService")
                .isSameAs(caches);
    }
}
