package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.testkit.internal.DatabaseFactory;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link CrmDatabaseTest}: one database per test class, kept in
 * the class's {@link ExtensionContext.Store}, shared with its {@code @Nested} classes, and dropped
 * after the class. It resolves parameters of type {@link CrmTestDatabase}. Register it with
 * {@code @CrmDatabaseTest}, {@code @ExtendWith(CrmDatabaseExtension.class)} or
 * {@code @RegisterExtension static CrmDatabaseExtension db = new CrmDatabaseExtension();}.
 *
 * <p>The database server is started on first use, once per JVM; see {@code docs/testing.md}.
 */
public final class CrmDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrmDatabaseExtension.class);
    private static final Class<CrmTestDatabase> KEY = CrmTestDatabase.class;

    /** Creates the extension; it holds no state of its own. */
    public CrmDatabaseExtension() {
    }

    /**
     * Creates the class's database before any of its methods run, so a server that cannot be
     * reached fails the class at once with a message saying what to set.
     *
     * @param context the test class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    /**
     * Drops the database when the class that owns it (the outermost test class) is done.
     *
     * @param context the test class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (owningContext(context) == context) {
            CrmTestDatabase database = context.getStore(NAMESPACE).remove(KEY, KEY);
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * Whether the parameter is a {@link CrmTestDatabase}.
     *
     * @param parameter the parameter
     * @param context the current context
     * @return {@code true} for {@link CrmTestDatabase} parameters
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CrmTestDatabase.class;
    }

    /**
     * The test class's database, created on first use.
     *
     * @param parameter the parameter
     * @param context the current context
     * @return the database
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static CrmTestDatabase database(ExtensionContext context) {
        return owningContext(context).getStore(NAMESPACE)
                .computeIfAbsent(KEY, key -> DatabaseFactory.get().newDatabase(), KEY);
    }

    /** The context of the outermost enclosing test class, so nested classes share one database. */
    private static ExtensionContext owningContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || isNested(current)) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty() || parent.get().getTestClass().isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return current;
    }

    private static boolean isNested(ExtensionContext context) {
        return context.getTestClass().map(c -> c.isAnnotationPresent(Nested.class)).orElse(false);
    }
}
