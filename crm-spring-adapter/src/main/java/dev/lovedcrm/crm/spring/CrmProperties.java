package dev.lovedcrm.crm.spring;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the Loved CRM SDK, under the prefix {@code crm}. */
@ConfigurationProperties("crm")
public class CrmProperties {

    /** Schema migrations at start-up. */
    private final Migration migration = new Migration();

    /**
     * What to do when the application's DataSource connects as a role that row-level security does
     * not apply to (a superuser, a BYPASSRLS role, or the owner of the tables): WARN or REFUSE.
     */
    private CrmDatabase.RuntimeRoleCheck runtimeRoleCheck = CrmDatabase.RuntimeRoleCheck.WARN;

    /**
     * The context key that seals the SDK's row-level security context: Base64 of 32 to 64 random bytes
     * ({@code CrmContextKey.generate().toBase64()}). Keep it in the application's secret store, like the database
     * password; the migration stores it where only the schema owner can read it, and the store signs every
     * transaction with it. Leave it unset only when the DataSource carries the key (the crm-testkit's do).
     */
    private String contextKey;

    /** How long a new organization's trial lasts. */
    private Duration trialPeriod = Duration.ofDays(14);

    /** How long an invite stays acceptable. */
    private Duration inviteExpiry = Duration.ofDays(7);

    /**
     * Schema migration settings.
     *
     * @return the migration settings
     */
    public Migration getMigration() {
        return migration;
    }

    /**
     * The runtime role check.
     *
     * @return WARN or REFUSE
     */
    public CrmDatabase.RuntimeRoleCheck getRuntimeRoleCheck() {
        return runtimeRoleCheck;
    }

    /**
     * Sets the runtime role check.
     *
     * @param runtimeRoleCheck WARN or REFUSE
     */
    public void setRuntimeRoleCheck(CrmDatabase.RuntimeRoleCheck runtimeRoleCheck) {
        this.runtimeRoleCheck = runtimeRoleCheck;
    }

    /**
     * The context key, Base64.
     *
     * @return the key, or {@code null} when the DataSource carries it
     */
    public String getContextKey() {
        return contextKey;
    }

    /**
     * Sets the context key.
     *
     * @param contextKey Base64 of 32 to 64 random bytes
     */
    public void setContextKey(String contextKey) {
        this.contextKey = contextKey;
    }

    /**
     * The context key, decoded, or {@code null} when the property is unset.
     *
     * @return the key
     */
    CrmContextKey contextKeyOrNull() {
        return contextKey == null || contextKey.isBlank() ? null : CrmContextKey.fromBase64(contextKey);
    }

    /**
     * The trial period of new organizations.
     *
     * @return the period
     */
    public Duration getTrialPeriod() {
        return trialPeriod;
    }

    /**
     * Sets the trial period of new organizations.
     *
     * @param trialPeriod the period
     */
    public void setTrialPeriod(Duration trialPeriod) {
        this.trialPeriod = trialPeriod;
    }

    /**
     * How long invites stay acceptable.
     *
     * @return the expiry
     */
    public Duration getInviteExpiry() {
        return inviteExpiry;
    }

    /**
     * Sets how long invites stay acceptable.
     *
     * @param inviteExpiry the expiry
     */
    public void setInviteExpiry(Duration inviteExpiry) {
        this.inviteExpiry = inviteExpiry;
    }

    /** Schema migration settings, under {@code crm.migration}. */
    public static class Migration {

        /**
         * Whether to apply the SDK's migrations (schema {@code crm}) at start-up with the application's
         * DataSource. Turn off when migrations run as a separate owner role at deploy time.
         */
        private boolean enabled = true;

        /**
         * A role to grant the SDK's runtime rights to after migrating (usage of the schema and DML on
         * its tables), when the application connects as a different role than the one migrating.
         */
        private String applicationRole;

        /**
         * Whether migrations run at start-up.
         *
         * @return true when enabled
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Enables or disables migrations at start-up.
         *
         * @param enabled true to migrate
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The role granted runtime rights after migrating.
         *
         * @return the role, or {@code null}
         */
        public String getApplicationRole() {
            return applicationRole;
        }

        /**
         * Sets the role granted runtime rights after migrating.
         *
         * @param applicationRole the role, or {@code null}
         */
        public void setApplicationRole(String applicationRole) {
            this.applicationRole = applicationRole;
        }
    }
}
