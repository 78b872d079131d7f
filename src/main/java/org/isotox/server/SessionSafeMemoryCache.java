package org.isotox.server;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.util.MemoryCacheService;

/**
 * HAPI's memory cache without its cache of tag definitions: each transaction finds the
 * {@code TagDefinition} rows of its tags and profiles itself (one indexed select per distinct tag,
 * remembered by HAPI for the rest of the transaction).
 *
 * <p>HAPI caches the {@code TagDefinition} entity a transaction loaded and hands that one instance
 * to every later writer of a tagged resource (every {@code meta.profile} is a tag). Hibernate 6.6
 * evidently takes such a detached instance into the session that uses it: handing out a copy per
 * read instead made HAPI's loading of tag rows (in the searches the trial rules run inside a
 * write) fail with "possible non-threadsafe access to the session", two instances of one row in
 * one session. Two sessions holding the one cached instance at once fail their commits with
 * "Illegal attempt to associate a collection with two open sessions: TagDefinition.myResources"
 * (the benchmark's growth run met it in 2 of ~56 000 transactions).
 */
class SessionSafeMemoryCache extends MemoryCacheService {

    SessionSafeMemoryCache(JpaStorageSettings settings) {
        super(settings);
    }

    @Override
    protected <K, V> V doGetIfPresent(CacheEnum cache, K key) {
        return cache == CacheEnum.TAG_DEFINITION ? null : super.doGetIfPresent(cache, key);
    }

    @Override
    protected <K, V> void doPut(CacheEnum cache, K key, V value) {
        if (cache != CacheEnum.TAG_DEFINITION) {
            super.doPut(cache, key, value);
        }
    }
}
