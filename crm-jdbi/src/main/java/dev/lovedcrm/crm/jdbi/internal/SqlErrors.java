package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.CrmException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns database failures into typed {@link CrmException}s at the store boundary, so no
 * {@link SQLException} or JDBI exception reaches the public API. Unique violations become
 * {@link ConflictException}s whose code is derived from the violated constraint's name by one rule
 * (see {@link #uniqueViolationCode(String)} and docs/schema.md, "Constraint names and error codes");
 * foreign-key violations become {@link ConflictException}s with {@value #GENERIC_REFERENCE_CODE}.
 */
public final class SqlErrors {

    /** Code of a unique violation whose constraint does not follow the naming convention. */
    public static final String GENERIC_UNIQUE_CODE = "database.unique_violation";

    /** Code of a foreign-key violation (a reference to a row that does not exist in this organization). */
    public static final String GENERIC_REFERENCE_CODE = "database.reference_violation";

    /**
     * Table to the entity name that starts its error codes. A new table with a unique constraint or
     * unique index gets a line here (a catalog test, {@code ConstraintErrorCodesIT}, fails until it does).
     */
    public static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("organizations", "organization"),
            Map.entry("organization_members", "member"),
            Map.entry("organization_invites", "invite"),
            Map.entry("organization_subscriptions", "subscription"),
            Map.entry("users", "user"),
            Map.entry("user_sessions", "session"),
            Map.entry("user_two_factor", "two_factor"),
            Map.entry("user_preferences", "preferences"),
            Map.entry("leads", "lead"),
            Map.entry("communications", "communication"),
            Map.entry("message_templates", "message_template"),
            Map.entry("ai_summaries", "ai_summary"),
            Map.entry("plans", "plan"),
            Map.entry("api_keys", "api_key"),
            Map.entry("webhooks", "webhook"),
            Map.entry("background_jobs", "job"),
            Map.entry("calendar_events", "calendar_event"),
            Map.entry("lead_activities", "lead_activity"),
            Map.entry("lead_stage_totals", "lead_stage_total"),
            Map.entry("lead_idempotency_keys", "lead_idempotency_key"),
            Map.entry("domain_events", "domain_event"),
            Map.entry("auth_throttle", "auth_throttle"),
            Map.entry("schema_versions", "schema_version"),
            Map.entry("context_keys", "context_key"),
            Map.entry("seed_versions", "seed_version"),
            Map.entry("billing_webhook_events", "billing_webhook_event"));

    /**
     * The only exceptions to the rule: codes that were published before the rule existed and that
     * callers may already match on. Each says why it differs. Do not add to this map for new
     * constraints: name the constraint so that the rule gives the code you want.
     */
    public static final Map<String, String> DOCUMENTED_EXCEPTIONS = Map.of(
            // The rule would say user.google_id_taken; the column name is an implementation detail.
            "idx_users_google_id", "user.google_account_taken",
            // The rule would say invite.pending_email_taken; "already pending" is what the caller must know.
            "uq_organization_invites_pending_email", "invite.already_pending");

    /** The parts of a {@code <what>} that only name the row's owner: such a unique key makes the row one per owner. */
    private static final Set<String> OWNER_KEYS = Set.of("org", "user", "org_user", "user_org");

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
        SQLException cause = withoutDetail(state, constraint);
        return switch (state) {
            case "23505" -> new ConflictException(
                    uniqueViolationCode(constraint),
                    "a record with the same unique value already exists (" + constraint + ")", cause);
            case "23503" -> new ConflictException(
                    GENERIC_REFERENCE_CODE,
                    "the change refers to a record that does not exist in this organization (" + constraint + ")", cause);
            case "40001", "40P01" -> new ConflictException(
                    "database.concurrent_update", "a concurrent change interfered; retry the operation", cause);
            case "42501" -> new CrmException(
                    "database.access_denied", "the database refused access (row-level security or privileges)", cause);
            default -> new CrmException("database.error", "database access failed (SQLState " + state + ")", cause);
        };
    }

    /**
     * The cause handed to callers: the SQL state and the constraint, never the driver's message or detail,
     * which quote the offending values (an email, a token hash) into whatever logs the exception.
     */
    private static SQLException withoutDetail(String state, String constraint) {
        return new SQLException("SQLState " + state + ", constraint " + constraint, state);
    }

    /**
     * The code a caller sees when a unique constraint or unique index is violated, derived from its
     * name by one rule (the names follow {@code <kind>_<table>[_<what>]}, {@code kind} one of
     * {@code pk}, {@code uq} or {@code idx}, {@code table} a key of {@link #ENTITIES}):
     * <ul>
     *   <li>{@code pk_<table>} → {@code <entity>.already_exists};</li>
     *   <li>{@code <what>} naming only the row's owner ({@code org}, {@code user}, {@code org_user},
     *       {@code user_org}: one row per owner) → {@code <entity>.already_exists};</li>
     *   <li>otherwise → {@code <entity>.<what>_taken} (e.g. {@code idx_organizations_slug} →
     *       {@code organization.slug_taken});</li>
     * </ul>
     * except the names in {@link #DOCUMENTED_EXCEPTIONS}. A name that fits none of this gives
     * {@value #GENERIC_UNIQUE_CODE}.
     *
     * @param constraint the constraint or index name PostgreSQL reported
     * @return the code
     */
    public static String uniqueViolationCode(String constraint) {
        return conventionalCode(constraint).orElse(GENERIC_UNIQUE_CODE);
    }

    /**
     * The code {@link #uniqueViolationCode(String)} derives, or empty when the name follows no rule
     * (catalog tests use this to find constraints without a documented code).
     *
     * @param constraint the constraint or index name
     * @return the code, if the name follows the convention or is a documented exception
     */
    public static Optional<String> conventionalCode(String constraint) {
        if (constraint == null) {
            return Optional.empty();
        }
        String exception = DOCUMENTED_EXCEPTIONS.get(constraint);
        if (exception != null) {
            return Optional.of(exception);
        }
        int underscore = constraint.indexOf('_');
        if (underscore < 0) {
            return Optional.empty();
        }
        String kind = constraint.substring(0, underscore);
        String rest = constraint.substring(underscore + 1);
        if (kind.equals("pk")) {
            return Optional.ofNullable(ENTITIES.get(rest)).map(entity -> entity + ".already_exists");
        }
        if (!kind.equals("uq") && !kind.equals("idx")) {
            return Optional.empty();
        }
        // The longest table name that prefixes the rest, should one table name ever prefix another.
        String table = ENTITIES.keySet().stream()
                .filter(t -> rest.startsWith(t + "_") && rest.length() > t.length() + 1)
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
        if (table == null) {
            return Optional.empty();
        }
        String what = rest.substring(table.length() + 1);
        String entity = ENTITIES.get(table);
        return Optional.of(OWNER_KEYS.contains(what) ? entity + ".already_exists" : entity + "." + what + "_taken");
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
