package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.id.TypedId;
import dev.lovedcrm.crm.store.DatabaseEnum;
import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.array.SqlArrayMapperFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.postgresql.util.PGobject;

/**
 * Teaches JDBI the SDK's value types by what they are, not by name: every {@link TypedId} binds as
 * {@code uuid} and maps back through its canonical constructor; every {@link DatabaseEnum} binds its
 * {@link DatabaseEnum#dbValue()} as an untyped parameter (PostgreSQL infers the column's enum type, so
 * SQL needs no casts) and maps back by that value; every {@link Map} binds as {@code jsonb}, and
 * {@code Map}/{@code List} columns holding JSON map back through Jackson with their full generic type
 * ({@code Map<String, Object>}, {@code List<String>}; SQL {@code NULL} reads as an empty map or list).
 * A {@code List} is still bound as a SQL array (JDBI's default, for {@code TEXT[]} columns), and a
 * {@code List} read from an array column still maps as one: write a JSON array with
 * {@code to_jsonb(CAST(:list AS text[]))}. The SDK's records map as rows through {@link RecordRowMappers},
 * so repositories carry no mapping annotations.
 */
public final class CrmJdbiTypes {

    private CrmJdbiTypes() {
    }

    public static void register(Jdbi jdbi) {
        jdbi.registerArgument((ArgumentFactory.Preparable) CrmJdbiTypes::typedIdArgument);
        jdbi.registerColumnMapper((ColumnMapperFactory) CrmJdbiTypes::typedIdMapper);
        jdbi.registerArgument((ArgumentFactory.Preparable) CrmJdbiTypes::enumArgument);
        jdbi.registerColumnMapper((ColumnMapperFactory) CrmJdbiTypes::enumMapper);
        jdbi.registerArgument((ArgumentFactory.Preparable) CrmJdbiTypes::jsonArgument);
        jdbi.registerColumnMapper((ColumnMapperFactory) CrmJdbiTypes::jsonMapper);
        jdbi.registerRowMapper(new RecordRowMappers());
    }

    private static Optional<Function<Object, Argument>> typedIdArgument(Type type, ConfigRegistry config) {
        if (!TypedId.class.isAssignableFrom(GenericTypes.getErasedType(type))) {
            return Optional.empty();
        }
        return Optional.of(id -> (position, statement, ctx) -> {
            if (id == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, ((TypedId) id).value());
            }
        });
    }

    private static Optional<ColumnMapper<?>> typedIdMapper(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!TypedId.class.isAssignableFrom(raw) || !raw.isRecord()) {
            return Optional.empty();
        }
        Constructor<?> constructor;
        try {
            constructor = raw.getConstructor(UUID.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(raw + " is a TypedId without a (UUID) constructor", e);
        }
        return Optional.of((rs, col, ctx) -> {
            UUID uuid = rs.getObject(col, UUID.class);
            if (uuid == null) {
                return null;
            }
            try {
                return constructor.newInstance(uuid);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot map " + raw.getSimpleName(), e);
            }
        });
    }

    private static Optional<Function<Object, Argument>> enumArgument(Type type, ConfigRegistry config) {
        if (!DatabaseEnum.class.isAssignableFrom(GenericTypes.getErasedType(type))) {
            return Optional.empty();
        }
        return Optional.of(value -> (position, statement, ctx) -> statement.setObject(position,
                value == null ? null : ((DatabaseEnum) value).dbValue(), Types.OTHER));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<ColumnMapper<?>> enumMapper(Type type, ConfigRegistry config) {
        Class raw = GenericTypes.getErasedType(type);
        if (!raw.isEnum() || !DatabaseEnum.class.isAssignableFrom(raw)) {
            return Optional.empty();
        }
        return Optional.of(enumMapper(raw));
    }

    private static <E extends Enum<E> & DatabaseEnum> ColumnMapper<E> enumMapper(Class<E> type) {
        return (rs, col, ctx) -> {
            String value = rs.getString(col);
            return value == null ? null : DatabaseEnum.fromDbValue(type, value).orElseThrow(() ->
                    new IllegalStateException("unknown " + type.getSimpleName() + " in the database: " + value));
        };
    }

    private static Optional<Function<Object, Argument>> jsonArgument(Type type, ConfigRegistry config) {
        if (!Map.class.isAssignableFrom(GenericTypes.getErasedType(type))) {
            return Optional.empty();
        }
        return Optional.of(value -> (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
                return;
            }
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(JsonCodec.write(value));
            statement.setObject(position, json);
        });
    }

    private static Optional<ColumnMapper<?>> jsonMapper(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (raw.equals(Map.class)) {
            return Optional.of((rs, col, ctx) -> readJson(rs, col, type, Map.of()));
        }
        if (!raw.equals(List.class)) {
            return Optional.empty();
        }
        Optional<ColumnMapper<?>> array = new SqlArrayMapperFactory().build(type, config);
        return Optional.of((rs, col, ctx) -> {
            String columnType = rs.getMetaData().getColumnTypeName(col);
            if (array.isPresent() && !"jsonb".equals(columnType) && !"json".equals(columnType)) {
                return array.get().map(rs, col, ctx);
            }
            return readJson(rs, col, type, List.of());
        });
    }

    private static Object readJson(ResultSet rs, int col, Type type, Object empty) throws SQLException {
        String json = rs.getString(col);
        return json == null ? empty : JsonCodec.read(json, type);
    }
}
