package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.id.TypedId;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Row mappers for the SDK's records, registered once for the whole store, so repositories need no mapping
 * annotations. A record maps through JDBI's {@link ConstructorMapper} (columns aliased to its component
 * names); a record whose first component is itself an entity record and whose others are extra columns
 * ({@code MemberSummary(Member member, String email, String fullName)}) maps the entity from the row and each
 * extra component from the column named like it in snake_case.
 *
 * <p>JDBI resolves a constructor mapper's columns for every result set (reflection over every parameter, a
 * third of a tenant transaction's CPU time in the benchmark). Here that work is done once per record and
 * column layout: a statement's columns are fixed by its SQL, and the column mappers the SDK's records need
 * do not vary between statements.
 */
final class RecordRowMappers implements RowMapperFactory {

    private static final String SDK_PACKAGE = "dev.lovedcrm.crm.";

    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!raw.isRecord() || !raw.getName().startsWith(SDK_PACKAGE) || TypedId.class.isAssignableFrom(raw)) {
            return Optional.empty();
        }
        return Optional.of(mappers.computeIfAbsent(raw, RecordRowMappers::mapperFor));
    }

    private static RowMapper<?> mapperFor(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        boolean entityWithExtras = components.length >= 2 && components[0].getType().isRecord()
                && !TypedId.class.isAssignableFrom(components[0].getType());
        return new PerLayout(entityWithExtras ? new EntityWithExtras(record, components) : ConstructorMapper.of(record));
    }

    /** Specialises its mapper once per column layout and reuses the result for every later result set. */
    private static final class PerLayout implements RowMapper<Object> {

        private final RowMapper<?> mapper;
        private final Map<List<String>, RowMapper<?>> specialised = new ConcurrentHashMap<>();

        PerLayout(RowMapper<?> mapper) {
            this.mapper = mapper;
        }

        @Override
        public Object map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        @SuppressWarnings("unchecked")
        public RowMapper<Object> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            List<String> layout = layout(rs.getMetaData());
            RowMapper<?> cached = specialised.get(layout);
            if (cached == null) {
                cached = mapper.specialize(rs, ctx);
                specialised.putIfAbsent(layout, cached);
            }
            return (RowMapper<Object>) cached;
        }

        private static List<String> layout(ResultSetMetaData metadata) throws SQLException {
            List<String> columns = new ArrayList<>(metadata.getColumnCount());
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                columns.add(metadata.getColumnLabel(i) + ':' + metadata.getColumnTypeName(i));
            }
            return columns;
        }
    }

    /** An entity record read from the row, plus extra components from their snake_case columns. */
    private static final class EntityWithExtras implements RowMapper<Object> {

        private final Constructor<?> constructor;
        private final RecordComponent[] components;
        private final RowMapper<?> entity;

        EntityWithExtras(Class<?> record, RecordComponent[] components) {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                this.constructor = record.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(record + " has no canonical constructor", e);
            }
            this.components = components;
            this.entity = ConstructorMapper.of(components[0].getType());
        }

        @Override
        public Object map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<Object> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            RowMapper<?> entityMapper = entity.specialize(rs, ctx);
            int[] columns = new int[components.length];
            ColumnMapper<?>[] mappers = new ColumnMapper<?>[components.length];
            for (int i = 1; i < components.length; i++) {
                RecordComponent component = components[i];
                columns[i] = rs.findColumn(snakeCase(component.getName()));
                mappers[i] = ctx.findColumnMapperFor(component.getGenericType()).orElseThrow(() ->
                        new IllegalStateException("no column mapper for " + component));
            }
            return (row, context) -> {
                Object[] values = new Object[components.length];
                values[0] = entityMapper.map(row, context);
                for (int i = 1; i < components.length; i++) {
                    values[i] = mappers[i].map(row, columns[i], context);
                }
                try {
                    return constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot map " + constructor.getDeclaringClass().getSimpleName(), e);
                }
            };
        }

        private static String snakeCase(String name) {
            return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        }
    }
}
