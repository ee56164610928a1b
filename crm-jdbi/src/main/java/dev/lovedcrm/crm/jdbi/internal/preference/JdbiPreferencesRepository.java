package dev.lovedcrm.crm.jdbi.internal.preference;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.QuietHours;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.postgresql.util.PGobject;

/**
 * {@link PreferencesRepository} over {@code crm.user_preferences}. Quiet hours are the JSON object
 * {@code {"enabled": bool, "start": "HH:mm", "end": "HH:mm"}}, or {@code {}} for none.
 */
@RegisterColumnMapper(JdbiPreferencesRepository.QuietHoursColumn.class)
@RegisterArgumentFactory(JdbiPreferencesRepository.QuietHoursArgument.class)
public interface JdbiPreferencesRepository extends PreferencesRepository {

    @Override
    @SqlQuery
    @UseClasspathSqlLocator
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

    /** Reads {@code quiet_hours}; {@code {}} is none. */
    final class QuietHoursColumn implements ColumnMapper<QuietHours> {
        @Override
        public QuietHours map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
            String json = rs.getString(column);
            Map<?, ?> object = json == null ? Map.of() : (Map<?, ?>) JsonCodec.read(json, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) object;
            return fields.isEmpty() ? null : QuietHours.fromJson(fields);
        }
    }

    /** Writes {@code quiet_hours} (none binds SQL NULL, which the statement stores as {@code {}}). */
    final class QuietHoursArgument extends AbstractArgumentFactory<QuietHours> {
        public QuietHoursArgument() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(QuietHours value, ConfigRegistry config) {
            return (position, statement, ctx) -> {
                PGobject json = new PGobject();
                json.setType("jsonb");
                json.setValue(JsonCodec.write(value.toJson()));
                statement.setObject(position, json);
            };
        }
    }
}
