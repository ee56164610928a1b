package dev.lovedcrm.crm.spring;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.event.EventListener;
import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.TenancySettings;
import dev.lovedcrm.crm.store.CrmStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Builds the {@link Crm} facade from the application's single {@link DataSource}. Every bean backs
 * off when the application defines its own; the whole configuration backs off when there is no
 * DataSource or several without a primary one.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass({Crm.class, JdbiCrmStore.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CrmProperties.class)
public class CrmAutoConfiguration {

    /** Creates the configuration. */
    public CrmAutoConfiguration() {
    }

    /**
     * Migrates and checks the database before the facade is built.
     *
     * @param dataSource the application's DataSource
     * @param properties the SDK settings
     * @return the initializer
     */
    @Bean
    @ConditionalOnMissingBean
    public CrmDatabaseInitializer crmDatabaseInitializer(DataSource dataSource, CrmProperties properties) {
        return new CrmDatabaseInitializer(dataSource, properties);
    }

    /**
     * The persistence port on JDBI, sealed with {@code crm.context-key} (or the key the DataSource carries),
     * checking the runtime role as {@code crm.runtime-role-check} says.
     *
     * @param dataSource the application's DataSource
     * @param properties the SDK settings
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public CrmStore crmStore(DataSource dataSource, CrmProperties properties) {
        JdbiCrmStore.Options options = JdbiCrmStore.Options.defaults().runtimeRoleCheck(properties.getRuntimeRoleCheck());
        CrmContextKey key = properties.contextKeyOrNull();
        return JdbiCrmStore.create(dataSource, key == null ? options : options.contextKey(key));
    }

    /**
     * The SDK facade.
     *
     * @param store the store
     * @param initializer the database initializer, which must have run first
     * @param properties the SDK settings
     * @param clock the application's {@link Clock} bean, if it has exactly one
     * @param listeners the application's {@link EventListener} beans
     * @return the facade
     */
    @Bean
    @ConditionalOnMissingBean
    public Crm crm(CrmStore store, CrmDatabaseInitializer initializer, CrmProperties properties,
            ObjectProvider<Clock> clock, ObjectProvider<EventListener> listeners) {
        Crm.Builder builder = Crm.builder()
                .store(store)
                .tenancySettings(new TenancySettings(properties.getTrialPeriod(), properties.getInviteExpiry()));
        clock.ifUnique(builder::clock);
        listeners.orderedStream().forEach(builder::eventListener);
        return builder.build();
    }
}
