package dev.lovedcrm.crm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.event.EventListener;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@CrmDatabaseTest
class CrmAutoConfigurationIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class));

    @Test
    void buildsTheCrmFromTheSingleDataSource(CrmTestDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("crm.migration.enabled=false", "crm.runtime-role-check=refuse")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Crm.class).hasSingleBean(CrmStore.class);
                    assertThat(context.getBean(Crm.class).organizations().findBySlug("nobody")).isEmpty();
                });
    }

    @Test
    void migratesAnEmptyDatabaseAtStartUp() {
        try (CrmTestDatabase empty = CrmTestDatabases.createEmpty()) {
            runner.withBean(DataSource.class, empty::ownerDataSource)
                    .withPropertyValues("crm.migration.application-role=crm_app")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(Crm.class);
                        assertThat(count(empty.dataSource(), "SELECT count(*) FROM crm.plans")).isEqualTo(2);
                    });
        }
    }

    @Test
    void refusesARoleThatBypassesRowLevelSecurityWhenAskedTo(CrmTestDatabase db) {
        runner.withBean(DataSource.class, db::ownerDataSource)
                .withPropertyValues("crm.migration.enabled=false", "crm.runtime-role-check=refuse")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOfSatisfying(CrmException.class,
                                e -> assertThat(e.code()).isEqualTo("database.unsafe_role")));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnCrm(CrmTestDatabase db) {
        Crm own = Crm.builder().store(dev.lovedcrm.crm.jdbi.JdbiCrmStore.create(db.dataSource())).build();
        runner.withBean(DataSource.class, db::dataSource)
                .withBean(Crm.class, () -> own)
                .withPropertyValues("crm.migration.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().getBean(Crm.class).isSameAs(own));
    }

    @Test
    void backsOffWithoutASingleDataSource(CrmTestDatabase db) {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Crm.class));
        runner.withBean("one", DataSource.class, db::dataSource)
                .withBean("two", DataSource.class, db::ownerDataSource)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Crm.class));
    }

    @Test
    void appliesPropertiesAndApplicationEventListeners(CrmTestDatabase db) throws SQLException {
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        UserId owner = user(db.dataSource());
        runner.withBean(DataSource.class, db::dataSource)
                .withBean(EventListener.class, () -> seen::add)
                .withPropertyValues("crm.migration.enabled=false", "crm.trial-period=30d", "crm.invite-expiry=2d")
                .run(context -> {
                    CrmProperties properties = context.getBean(CrmProperties.class);
                    assertThat(properties.getInviteExpiry()).isEqualTo(Duration.ofDays(2));
                    assertThat(properties.getRuntimeRoleCheck()).isEqualTo(CrmDatabase.RuntimeRoleCheck.WARN);
                    Organization org = context.getBean(Crm.class).organizations().create(owner, NewOrganization.named("Spring Co"));
                    assertThat(org.trialEndsAt()).isAfter(org.createdAt().plus(Duration.ofDays(29)));
                    assertThat(seen).extracting(DomainEvent::type).contains("organization.created");
                });
    }

    private static UserId user(DataSource dataSource) throws SQLException {
        UserId id = UserId.generate();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO crm.users (id, email, full_name) VALUES (?, ?, 'Boot')")) {
            s.setObject(1, id.value());
            s.setString(2, "boot-" + id + "@example.com");
            s.executeUpdate();
        }
        return id;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
