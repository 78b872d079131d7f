package org.isotox.server;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.JpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.api.IDaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.config.util.ResourceCountCacheUtil;
import ca.uhn.fhir.jpa.dao.FulltextSearchSvcImpl;
import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.search.HSearchSortHelperImpl;
import ca.uhn.fhir.jpa.dao.search.IHSearchSortHelper;
import ca.uhn.fhir.jpa.provider.DaoRegistryResourceSupportedSvc;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.search.IStaleSearchDeletingSvc;
import ca.uhn.fhir.jpa.search.StaleSearchDeletingSvcImpl;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import ca.uhn.fhir.jpa.util.ResourceCountCache;
import ca.uhn.fhir.rest.api.IResourceSupportedSvc;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI FHIR JPA (R4) under Spring Boot: HAPI's own configuration classes plus the beans they
 * expect the host application to provide (storage settings, entity manager factory, transactions).
 *
 * <p>HAPI's {@code HapiJpaConfig} is not imported: it always defines the full-text search service,
 * and HAPI takes the presence of that bean to mean Hibernate Search is on, so ValueSet expansion
 * over a stored CodeSystem fails when it is off. Its other beans are defined here, and the
 * full-text ones only with {@code hibernate.search.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    JpaR4Config.class,
    JpaConfig.class,
    ThreadPoolFactoryConfig.class,
    JpaBatch2Config.class,
    Batch2JobsConfig.class,
    SubscriptionChannelConfig.class
})
class HapiJpaConfiguration {

    @Bean
    JpaStorageSettings jpaStorageSettings(
            FhirServerProperties properties, LimitsProperties limits, @Value("${isotox.plain-hapi:false}") boolean plainHapi) {
        JpaStorageSettings settings = new JpaStorageSettings();
        if (plainHapi) {
            return settings;
        }
        long reuseMillis = properties.reuseCachedSearchResultsMillis();
        // HAPI's 0 would still look up, per search, a cached search younger than now; null skips the lookup
        settings.setReuseCachedSearchResultsForMillis(reuseMillis > 0 ? reuseMillis : null);
        settings.setFetchSizeDefaultMaximum(properties.maxPageSize());
        // Data of a clinical trial is never physically erased through the API.
        settings.setExpungeEnabled(false);
        settings.setAllowMultipleDelete(false);
        // small batch jobs (a bulk export of one study) finish in seconds instead of waiting for the minute tick
        settings.setJobFastTrackingEnabled(true);
        settings.setMaximumIncludesToLoadPerPage(limits.includesPerPage());
        return settings;
    }

    @Bean
    @ConditionalOnProperty(name = "spring.jpa.properties.hibernate.search.enabled", havingValue = "true")
    IFulltextSearchSvc fullTextSearchSvc() {
        return new FulltextSearchSvcImpl();
    }

    @Bean
    @ConditionalOnProperty(name = "spring.jpa.properties.hibernate.search.enabled", havingValue = "true")
    IHSearchSortHelper extendedFulltextSortHelper(ISearchParamRegistry searchParamRegistry) {
        return new HSearchSortHelperImpl(searchParamRegistry);
    }

    @Bean
    IStaleSearchDeletingSvc staleSearchDeletingSvc() {
        return new StaleSearchDeletingSvcImpl();
    }

    @Bean
    DatabaseBackedPagingProvider databaseBackedPagingProvider() {
        return new DatabaseBackedPagingProvider();
    }

    @Bean
    IResourceSupportedSvc resourceSupportedSvc(IDaoRegistry daoRegistry) {
        return new DaoRegistryResourceSupportedSvc(daoRegistry);
    }

    @Bean(name = "myResourceCountsCache")
    ResourceCountCache resourceCountsCache(IFhirSystemDao<?, ?> systemDao) {
        return ResourceCountCacheUtil.newResourceCountCache(systemDao);
    }

    @Bean
    PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    /** Takes the place of JpaConfig's cache wherever HAPI asks for one. */
    @Bean
    @Primary
    MemoryCacheService sessionSafeMemoryCache(JpaStorageSettings storageSettings) {
        return new SessionSafeMemoryCache(storageSettings);
    }

    @Bean
    @Primary
    LocalContainerEntityManagerFactoryBean entityManagerFactory(
            ConfigurableListableBeanFactory beanFactory,
            FhirContext fhirContext,
            JpaStorageSettings storageSettings,
            JpaProperties jpaProperties,
            DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
        Map<String, String> hibernate = jpaProperties.getProperties();
        hibernate.putIfAbsent(AvailableSettings.SCANNER, "org.hibernate.boot.archive.scan.internal.DisabledScanner");
        hibernate.putIfAbsent(AvailableSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName());
        hibernate.putIfAbsent(
                AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        hibernate.putIfAbsent(AvailableSettings.HBM2DDL_AUTO, "update");
        hibernate.putIfAbsent(AvailableSettings.STATEMENT_BATCH_SIZE, "20");
        hibernate.putIfAbsent(AvailableSettings.ORDER_INSERTS, "true");
        hibernate.putIfAbsent(AvailableSettings.ORDER_UPDATES, "true");
        hibernate.putIfAbsent(AvailableSettings.USE_QUERY_CACHE, "false");
        hibernate.putIfAbsent(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
        hibernate.putIfAbsent("hibernate.search.enabled", "false");
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setJpaPropertyMap(hibernate);
        factory.setDataSource(dataSource);
        // Hibernate boots (entity metamodel, schema update) on its own thread while the HAPI beans that
        // need no database are created; the first repository waits for it
        factory.setBootstrapExecutor(new SimpleAsyncTaskExecutor("jpa-bootstrap-"));
        return factory;
    }

    @Bean
    @Primary
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory, LimitsProperties limits) {
        return new DeadlineTransactionManager(entityManagerFactory, limits.requestDeadline());
    }
}
