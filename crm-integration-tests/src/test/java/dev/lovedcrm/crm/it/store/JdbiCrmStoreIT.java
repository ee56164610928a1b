package dev.lovedcrm.crm.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class JdbiCrmStoreIT {

    private static JdbiCrmStore store;
    private static UserId owner;

    @BeforeAll
    static void createStoreAndOwner(CrmTestDatabase db) throws SQLException {
        store = JdbiCrmStore.create(db.dataSource());
        owner = UserId.generate();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO crm.users (id, email, hashed_password, full_name) VALUES (?, ?, 'x', 'Owner')")) {
            insert.setObject(1, owner.value());
            insert.setString(2, "owner-" + owner + "@example.com");
            insert.executeUpdate();
        }
    }

    @Test
    void writesAndReadsAnOrganizationInsideATenantTransaction() {
        Organization created = organization("Agência São Paulo", "agencia-sao-paulo");

        store.inTenant(created.id(), tx -> {
            assertThat(tx.repository(OrganizationRepository.class).insertIfSlugFree(created)).isTrue();
            return null;
        });
        Organization read = store.inTenant(created.id(),
                tx -> tx.repository(OrganizationRepository.class).findById(created.id()).orElseThrow());

        assertThat(read.name()).isEqualTo("Agência São Paulo");
        assertThat(read.slug()).isEqualTo("agencia-sao-paulo");
        assertThat(read.ownerId()).isEqualTo(owner);
        assertThat(read.settings()).containsEntry("locale", "pt-BR").containsEntry("seats", 5);
        assertThat(read.trialEndsAt()).isEqualTo(created.trialEndsAt());
        assertThat(read.active()).isTrue();
        assertThat(read.createdAt()).isNotNull();
    }

    @Test
    void theTenantSettingLivesOnlyForItsTransaction() {
        OrganizationId tenant = OrganizationId.generate();

        String inside = store.inTenant(tenant, tx -> currentTenantSetting(tx));

        String afterwards = store.inSystem("test: read setting after a tenant transaction", tx -> currentTenantSetting(tx));

        assertThat(inside).isEqualTo(tenant.toString());
        assertThat(afterwards).isNullOrEmpty();
    }

    @Test
    void aTakenSlugIsSkippedWithoutFailingTheTransaction() {
        Organization first = organization("First", "same-slug");
        Organization second = organization("Second", "same-slug");

        boolean inserted = store.inSystem("test: two organizations, one slug", tx ->
                tx.repository(OrganizationRepository.class).insertIfSlugFree(first)
                        && !tx.repository(OrganizationRepository.class).insertIfSlugFree(second));

        assertThat(inserted).isTrue();
        Optional<Organization> skipped = store.inTenant(second.id(),
                tx -> tx.repository(OrganizationRepository.class).findById(second.id()));
        assertThat(skipped).isEmpty();
    }

    @Test
    void aUniqueViolationIsATypedConflictAndRollsBackTheTransaction() {
        Organization first = organization("First", "first-slug");
        Organization second = organization("Second", "second-slug");
        store.inTenant(first.id(), tx -> tx.repository(OrganizationRepository.class).insertIfSlugFree(first));

        assertThatThrownBy(() -> store.inSystem("test: a second row with the first's id", tx -> {
            tx.repository(OrganizationRepository.class).insertIfSlugFree(second);
            return tx.repository(OrganizationRepository.class).insertIfSlugFree(
                    new Organization(first.id(), "Copy", "copy-slug", null, null, null, null, null, owner, true, false,
                            "free", null, Map.of(), null, null));
        })).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("organization.already_exists"));
        Optional<Organization> stored = store.inTenant(second.id(),
                tx -> tx.repository(OrganizationRepository.class).findById(second.id()));
        assertThat(stored).isEmpty();
    }

    @Test
    void afterCommitActionsRunOnlyWhenTheTransactionCommits() {
        List<String> ran = new ArrayList<>();

        store.inSystem("test: commit", tx -> {
            tx.afterCommit(() -> ran.add("committed"));
            return null;
        });
        assertThatThrownBy(() -> store.inSystem("test: roll back", tx -> {
            tx.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(CrmException.class);

        assertThat(ran).containsExactly("committed");
    }

    @Test
    void noRawDatabaseExceptionEscapes() {
        assertThatThrownBy(() -> store.inSystem("test: bad SQL", tx -> {
            return tx.repository(OrganizationRepository.class).insertIfSlugFree(organization("X", "x".repeat(101)));
        })).isInstanceOf(CrmException.class).hasNoSuppressedExceptions();
    }

    private static Organization organization(String name, String slug) {
        Instant trialEnd = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        return new Organization(OrganizationId.generate(), name, slug, null, null, null, null, null, owner, true,
                false, "trialing", trialEnd, Map.of("locale", "pt-BR", "seats", 5), null, null);
    }

    /** Reads the setting on the transaction's own connection. */
    private static String currentTenantSetting(StoreTransaction tx) {
        return ((JdbiStoreTransaction) tx).handle()
                .createQuery("SELECT current_setting('crm.organization_id', true)")
                .mapTo(String.class)
                .one();
    }
}
