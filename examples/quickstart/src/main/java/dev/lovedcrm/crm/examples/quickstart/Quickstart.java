package dev.lovedcrm.crm.examples.quickstart;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.invite.IssuedInvite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.EmbeddedCrmDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;

/**
 * Migrates a database (embedded PostgreSQL 16 unless {@code CRM_DATABASE_URL} names one), registers
 * a user, creates an organization, invites and admits a colleague, and prints the result.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (EmbeddedCrmDatabase database = EmbeddedCrmDatabase.start()) {
            System.out.println("Database: " + database.description());
            CrmDatabase.verifyRuntimeRole(database.dataSource(), CrmDatabase.RuntimeRoleCheck.WARN);
            Crm crm = Crm.builder().store(JdbiCrmStore.create(database.dataSource())).build();

            User ana = crm.users().register(NewUser.of("ana@agencia.com.br", "correct horse battery staple", "Ana Souza")
                    .timezone("America/Sao_Paulo").language("pt-BR"));
            Organization org = crm.organizations().create(ana.id(),
                    NewOrganization.named("Agência São Paulo").website("agencia.com.br").industry("marketing"));
            System.out.println("Organization: " + org.name() + " (slug " + org.slug() + ", " + org.website()
                    + ", trial until " + org.trialEndsAt() + ")");

            TenantScope scope = crm.tenant(org.id(), ana.id());
            User bruno = crm.users().register(NewUser.of("bruno@agencia.com.br", "another long passphrase", "Bruno Lima"));
            IssuedInvite invite = scope.invites().create(NewInvite.of(bruno.email(), Role.MEMBER)
                    .message("Bem-vindo ao nosso CRM!"));
            crm.invitations().accept(invite.token(), bruno.id());

            System.out.println("Members:");
            for (MemberSummary member : scope.members().list(PageRequest.first(50)).items()) {
                System.out.println("  " + member.fullName() + " <" + member.email() + "> " + member.member().role().dbValue());
            }
        }
    }
}
