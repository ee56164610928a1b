package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.testkit.internal.DatabaseFactory;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link CrmDatabaseTest}: one database per test class (nested classes
 * share their outer class's), dropped when the class is done. Use it directly with
 * {@code @RegisterExtension} or {@code @ExtendWith} if you prefer.
 */
public final class CrmDatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrmDatabaseExtension.class);

    /** Creates the extension. */
    public CrmDatabaseExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CrmTestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static CrmTestDatabase database(ExtensionContext context) {
        ExtensionContext owner = classContext(context);
        return owner.getStore(NAMESPACE).computeIfAbsent(CrmTestDatabase.class,
                key -> DatabaseFactory.get().newDatabase(), CrmTestDatabase.class);
    }

    /** The context of the outermost test class, so nested classes share one database. */
    private static ExtensionContext classContext(ExtensionContext context) {
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
