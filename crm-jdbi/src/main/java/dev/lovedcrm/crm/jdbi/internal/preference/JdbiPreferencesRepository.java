package dev.lovedcrm.crm.jdbi.internal.preference;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link PreferencesRepository} over {@code crm.user_preferences}. */
public interface JdbiPreferencesRepository extends PreferencesRepository {

    @Override
    @SqlQuery
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(Preferences.class)
    Optional<Preferences> lock(OrganizationId organizationId, UserId userId);

    @Override
    default void save(OrganizationId organizationId, UserId userId, Preferences preferences) {
        save(organizationId, UuidV7.next(), userId, preferences);
    }

    /**
     * {@link #save(OrganizationId, UserId, Preferences)} with the id of a new row.
     *
     * @param organizationId the tenant
     * @param id the id if the row is new
     * @param userId the user
     * @param preferences the preferences
     */
    @SqlUpdate
    @UseClasspathSqlLocator
    void save(OrganizationId organizationId, UUID id, UserId userId, @BindMethods Preferences preferences);
}
