package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.Role;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
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
 * Teaches JDBI the SDK's value types: typed ids (records over {@link UUID} in
 * {@code dev.lovedcrm.crm.id}), {@link Role} as the {@code crm.organization_role} enum, and
 * {@link Jsonb} as {@code jsonb}.
 */
public final class CrmJdbiTypes {

    private static final String ID_PACKAGE = "dev.lovedcrm.crm.id";

    private CrmJdbiTypes() {
    }

    public static void register(Jdbi jdbi) {
        jdbi.registerArgument((ArgumentFactory.Preparable) CrmJdbiTypes::typedIdArgument);
        jdbi.registerColumnMapper((ColumnMapperFactory) CrmJdbiTypes::typedIdMapper);
        jdbi.registerArgument(new JsonbArgumentFactory());
        jdbi.registerColumnMapper(Jsonb.class, (rs, col, ctx) -> {
            String json = rs.getString(col);
            return json == null ? null : new Jsonb(json);
        });
        jdbi.registerArgument(new RoleArgumentFactory());
        jdbi.registerColumnMapper(Role.class, (rs, col, ctx) -> {
            String value = rs.getString(col);
            return value == null ? null : Role.parse("role", value);
        });
    }

    private static boolean isTypedId(Class<?> type) {
        return type.isRecord() && ID_PACKAGE.equals(type.getPackageName());
    }

    private static Optional<java.util.function.Function<Object, Argument>> typedIdArgument(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!isTypedId(raw)) {
            return Optional.empty();
        }
        Method value = method(raw, "value");
        return Optional.of(id -> (position, statement, ctx) -> {
            if (id == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, invoke(value, id));
            }
        });
    }

    private static Optional<ColumnMapper<?>> typedIdMapper(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!isTypedId(raw)) {
            return Optional.empty();
        }
        Method of = method(raw, "of", UUID.class);
        return Optional.of((rs, col, ctx) -> {
            UUID uuid = rs.getObject(col, UUID.class);
            return uuid == null ? null : invoke(of, null, uuid);
        });
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " lacks " + name, e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot convert typed id with " + method, e);
        }
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

    private static final class RoleArgumentFactory extends AbstractArgumentFactory<Role> {
        RoleArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(Role value, ConfigRegistry config) {
            return (position, statement, ctx) -> {
                PGobject object = new PGobject();
                object.setType("crm.organization_role");
                object.setValue(value.dbValue());
                statement.setObject(position, object);
            };
        }
    }
}
