package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.CrmException;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns database failures into typed {@link CrmException}s at the store boundary, so no
 * {@link SQLException} or JDBI exception reaches the public API. Unique and foreign-key violations
 * become {@link ConflictException}s whose code comes from the violated constraint's name.
 */
public final class SqlErrors {

    /** Constraint name to the code a caller sees; others get a generic code. */
    private static final Map<String, String> CONSTRAINT_CODES = Map.of(
            "idx_organizations_slug", "organization.slug_taken",
            "idx_users_email", "user.email_taken",
            "idx_users_google_id", "user.google_account_taken",
            "uq_organization_invites_pending_email", "invite.already_pending",
            "uq_organization_members_org_user", "member.already_exists");

    private SqlErrors() {
    }

    public static CrmException translate(Throwable failure) {
        if (failure instanceof CrmException crm) {
            return crm;
        }
        SQLException sql = findSqlException(failure);
        if (sql == null) {
            return new CrmException("database.error", "database access failed: " + failure.getClass().getSimpleName(), failure);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String constraint = constraintOf(sql);
        return switch (state) {
            case "23505" -> new ConflictException(
                    CONSTRAINT_CODES.getOrDefault(constraint, "database.unique_violation"),
                    "a record with the same unique value already exists (" + constraint + ")", sql);
            case "23503" -> new ConflictException(
                    CONSTRAINT_CODES.getOrDefault(constraint, "database.reference_violation"),
                    "the change refers to a record that does not exist in this organization (" + constraint + ")", sql);
            case "40001", "40P01" -> new ConflictException(
                    "database.concurrent_update", "a concurrent change interfered; retry the operation", sql);
            case "42501" -> new CrmException(
                    "database.access_denied", "the database refused access (row-level security or privileges)", sql);
            default -> new CrmException("database.error", "database access failed (SQLState " + state + ")", sql);
        };
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            if (message != null && message.getConstraint() != null) {
                return message.getConstraint();
            }
        }
        return "unknown";
    }
}
