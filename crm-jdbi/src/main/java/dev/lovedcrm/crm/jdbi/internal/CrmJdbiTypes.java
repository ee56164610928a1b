package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.id.TypedId;
import dev.lovedcrm.crm.store.DatabaseEnum;
import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.postgresql.util.PGobject;

/**
 * Teaches JDBI the SDK's value types by what they are, not by name: every {@link TypedId} binds as
 * {@code uuid} and maps back through its canonical constructor; every {@link DatabaseEnum} binds its
 * {@link DatabaseEnum#dbValue()} as an untyped parameter (PostgreSQL infers the column's enum type, so
 * SQL needs no casts) and maps back by that value; {@link Jsonb} binds as {@code jsonb}.
 */
public final class CrmJdbiTypes {

    private CrmJdbiTypes() {
    }

    public static void register(Jdbi jdbi) {
        jdbi.registerArgument((ArgumentFactory.Preparable) CrmJdbiTypes::typedIdArgument);
        jdbi.registerColumnMapper((ColumnMapperFactory) CrmJdbiTypes::typedIdMapper);
        jdbi.registerArgument((ArgumentFactory.Preparable) CrmJdbiTypes::enumArgument);
        jdbi.registerColumnMapper((ColumnMapperFactory) CrmJdbiTypes::enumMapper);
        jdbi.registerArgument(new JsonbArgumentFactory());
        jdbi.registerColumnMapper(Jsonb.class, (rs, col, ctx) -> {
            String json = rs.getString(col);
            return json == null ? null : new Jsonb(json);
        });
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

    private static final class JsonbArgumentFactory extends AbstractArgumentFactory<Jsonb> {
        JsonbArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(Jsonb value, ConfigRegistry config) {
            return (position, statement, ctx) -> {
                PGobject object = new PGobject();
                object.setType("jsonb");
                object.setValue(value.json());
                statement.setObject(position, object);
            };
        }
    }
}
