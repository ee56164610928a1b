package dev.lovedcrm.crm.it.isolation;

import java.util.List;
import java.util.stream.Stream;

/**
 * What one feature contributes to the tenant isolation property: the operations a member of one
 * organization can perform through its {@code TenantScope}, each free to aim at rows of either
 * organization. The property ({@code TenantIsolationPropertiesIT}) draws random sequences from every
 * {@linkplain #registered() registered} feature, so a new tenant-scoped feature adds one implementation
 * here and is covered.
 */
public interface IsolationOperations {

    /**
     * Every feature whose operations the property draws from. Add new features here.
     *
     * @return the features
     */
    static List<IsolationOperations> registered() {
        return List.of(
                new OrganizationIsolationOperations(),
                new MemberIsolationOperations(),
                new InviteIsolationOperations(),
                new PreferenceIsolationOperations(),
                new TwoFactorIsolationOperations(),
                new LeadIsolationOperations(),
                new BillingIsolationOperations(),
                new ReportIsolationOperations());
    }

    /**
     * All operations of all registered features.
     *
     * @return the operations, in a stable order (generators pick by index)
     */
    static List<IsolationOperation> all() {
        return registered().stream().flatMap(feature -> feature.operations().stream()).toList();
    }

    /**
     * The feature's name, used in operation names.
     *
     * @return e.g. {@code members}
     */
    String feature();

    /**
     * What a tenant scope of this feature can do.
     *
     * @return the operations, never empty
     */
    List<IsolationOperation> operations();

    /**
     * Shorthand for implementations.
     *
     * @param name the operation's name within the feature
     * @param action what it does
     * @return the operation, named {@code <feature>.<name>}
     */
    default IsolationOperation operation(String name, IsolationOperation.Action action) {
        return new IsolationOperation(feature() + "." + name, action);
    }

    /**
     * Shorthand for implementations.
     *
     * @param operations the operations
     * @return them as a list
     */
    default List<IsolationOperation> of(IsolationOperation... operations) {
        return Stream.of(operations).toList();
    }
}
