package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two organizations, each with a member of every role and some pending invites, over one test
 * database: the world the isolation property acts in.
 */
public final class IsolationWorld {

    /** Members per organization: owner, admin, member, viewer, in that order. */
    public static final int USERS = 4;

    /** One organization with a member of every role and some pending invites. */
    public record Tenant(int index, Organization organization, List<UserId> users, List<InviteId> invites) {

        public UserId user(int i) {
            return users.get(Math.floorMod(i, users.size()));
        }

        public InviteId invite(int i) {
            return invites.get(Math.floorMod(i, invites.size()));
        }
    }

    public final CrmTestDatabase database;
    public final TenancyFixture fx;
    private final List<Tenant> tenants = new ArrayList<>();
    /** TOTP secrets handed out by enrolments, per "tenant/member", so a later step can send a right code. */
    private final Map<String, String> totpSecrets = new ConcurrentHashMap<>();
    /** Leads per organization index, made by its owner: the targets of the lead operations. */
    private final Map<Integer, List<LeadId>> leads = new ConcurrentHashMap<>();

    public IsolationWorld(CrmTestDatabase database) {
        this.database = database;
        this.fx = new TenancyFixture(database.dataSource());
        List<String> names = List.of("Alpha", "Beta");
        for (int t = 0; t < names.size(); t++) {
            String name = names.get(t);
            UserId owner = fx.user(name + "-owner");
            Organization org = fx.organization(owner, name);
            List<UserId> users = new ArrayList<>(List.of(owner));
            users.add(fx.member(org, owner, Role.ADMIN, name + "-admin"));
            users.add(fx.member(org, owner, Role.MEMBER, name + "-member"));
            users.add(fx.member(org, owner, Role.VIEWER, name + "-viewer"));
            List<InviteId> invites = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                invites.add(fx.scope(org.id(), owner).invites()
                        .create(NewInvite.of(name + "-invitee-" + i + "@example.com", Role.VIEWER)).invite().id());
            }
            tenants.add(new Tenant(t, org, List.copyOf(users), List.copyOf(invites)));
            List<LeadId> ownLeads = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                ownLeads.add(fx.scope(org.id(), owner).leads()
                        .create(NewLead.named(name + " lead " + i).assignedTo(users.get(i))).id());
            }
            leads.put(t, List.copyOf(ownLeads));
        }
    }

    public Tenant tenant(int index) {
        return tenants.get(index);
    }

    /** A lead of an organization, by index (wrapping). */
    public LeadId lead(int tenant, int i) {
        List<LeadId> own = leads.get(tenant);
        return own.get(Math.floorMod(i, own.size()));
    }

    /** Every lead the world made for an organization. */
    public List<LeadId> leads(int tenant) {
        return leads.get(tenant);
    }

    /** The organization that is not {@code index}'s. */
    public Tenant other(int index) {
        return tenants.get(1 - index);
    }

    public List<Tenant> tenants() {
        return List.copyOf(tenants);
    }

    /** A scope for a member of an organization (throws a {@code CrmException} when no longer a member). */
    public TenantScope scope(Tenant tenant, int user) {
        return fx.scope(tenant.organization().id(), tenant.user(user));
    }

    void rememberTotpSecret(Step step, String secret) {
        totpSecrets.put(key(step), secret);
    }

    String totpSecret(Step step) {
        return totpSecrets.get(key(step));
    }

    private static String key(Step step) {
        return step.actorTenant() + "/" + Math.floorMod(step.actor(), USERS);
    }
}
