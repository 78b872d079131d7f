package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.model.entity.TagDefinition;
import ca.uhn.fhir.jpa.model.entity.TagTypeEnum;
import ca.uhn.fhir.jpa.util.MemoryCacheService.CacheEnum;
import ca.uhn.fhir.jpa.util.MemoryCacheService.TagDefinitionCacheKey;
import org.junit.jupiter.api.Test;

class SessionSafeMemoryCacheTest {

    private static final String SYSTEM = "http://hapifhir.io/fhir/profile";
    private static final String PROFILE = "http://isotox.org/fhir/StructureDefinition/isotox-ctcae-adverse-event";

    private final SessionSafeMemoryCache cache = new SessionSafeMemoryCache(new JpaStorageSettings());

    @Test
    void aTagDefinitionLoadedInOneTransactionIsNotHandedToAnother() {
        TagDefinitionCacheKey key = new TagDefinitionCacheKey(TagTypeEnum.PROFILE, SYSTEM, PROFILE, null, null);
        TagDefinition loaded = new TagDefinition(TagTypeEnum.PROFILE, SYSTEM, PROFILE, null);
        loaded.setId(11L);

        cache.put(CacheEnum.TAG_DEFINITION, key, loaded);

        assertThat((Object) cache.getIfPresent(CacheEnum.TAG_DEFINITION, key)).isNull();
    }

    @Test
    void theOtherCachesKeepWhatIsPut() {
        Object value = new Object();
        cache.put(CacheEnum.MATCH_URL, "Patient?identifier=urn:mrn|1", value);

        assertThat((Object) cache.getIfPresent(CacheEnum.MATCH_URL, "Patient?identifier=urn:mrn|1")).isSameAs(value);
    }
}
