package dev.lovedcrm.crm.spring;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Prepares the database before the {@code Crm} bean is built: applies the SDK's migrations when
 * {@code crm.migration.enabled} is true (storing {@code crm.context-key} when set), then checks that row-level security applies to the
 * application's role ({@code crm.runtime-role-check}). Define your own bean of this type to replace it.
 */
public class CrmDatabaseInitializer implements InitializingBean {

    private final DataSource dataSource;
    private final CrmProperties properties;

    /**
     * Creates the initializer.
     *
     * @param dataSource the application's DataSource
     * @param properties the SDK settings
     */
    public CrmDatabaseInitializer(DataSource dataSource, CrmProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.getMigration().isEnabled()) {
            CrmContextKey key = properties.contextKeyOrNull();
            if (key != null) {
                CrmDatabase.migrate(dataSource, properties.getMigration().getApplicationRole(), key);
            } else {
                CrmDatabase.migrate(dataSource, properties.getMigration().getApplicationRole());
            }
        }
        CrmDatabase.verifyRuntimeRole(dataSource, properties.getRuntimeRoleCheck());
    }
}
