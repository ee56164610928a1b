package dev.lovedcrm.crm.it.support;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.IssuedInvite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A Crm over a test database, with helpers to make users, organizations and members. */
public final class TenancyFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final DataSource dataSource;
    public final MutableClock clock = MutableClock.atNow();
    public final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    public final Crm crm;

    public TenancyFixture(DataSource dataSource) {
        this.dataSource = dataSource;
        this.crm = Crm.builder()
                .store(JdbiCrmStore.create(dataSource))
                .clock(clock)
                .eventListener(events::add)
                .build();
    }

    /** A user account, written directly (the identity service is not needed for tenancy tests). */
    public UserId user(String emailPrefix) {
        UserId id = UserId.generate();
        String email = (emailPrefix + "-" + SEQUENCE.incrementAndGet() + "@example.com").toLowerCase(java.util.Locale.ROOT);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO crm.users (id, email, hashed_password, full_name) VALUES (?, ?, 'not-a-hash', ?)")) {
            insert.setObject(1, id.value());
            insert.setString(2, email);
            insert.setString(3, "User " + emailPrefix);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public String emailOf(UserId user) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT email FROM crm.users WHERE id = ?")) {
            select.setObject(1, user.value());
            var rs = select.executeQuery();
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Organization organization(UserId owner, String name) {
        return crm.organizations().create(owner, NewOrganization.named(name));
    }

    /** Adds a user to an organization with a role, through an invite accepted by them. */
    public UserId member(Organization organization, UserId owner, Role role, String prefix) {
        UserId user = user(prefix);
        TenantScope ownerScope = crm.tenant(organization.id(), owner);
        Role invited = role == Role.OWNER ? Role.ADMIN : role;
        IssuedInvite invite = ownerScope.invites().create(NewInvite.of(emailOf(user), invited));
        crm.invitations().accept(invite.token(), user);
        if (role == Role.OWNER) {
            ownerScope.members().changeRole(user, Role.OWNER);
        }
        return user;
    }

    /** The role the scope's member had when it was opened. */
    public static Role roleOf(TenantScope scope) {
        return ((MemberPrincipal) scope.context().principal()).role();
    }

    public TenantScope scope(OrganizationId organization, UserId user) {
        return crm.tenant(organization, user);
    }

    public List<String> eventTypes() {
        return events.stream().map(DomainEvent::type).toList();
    }
}
