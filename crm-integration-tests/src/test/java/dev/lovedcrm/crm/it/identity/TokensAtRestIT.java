package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.totp.TotpEnrollment;
import dev.lovedcrm.crm.auth.totp.internal.Totp;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.MutableClock;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a full flow, no issued secret appears in plain text in any column of any crm table. */
@CrmDatabaseTest
class TokensAtRestIT {

    @Test
    void noIssuedTokenIsStoredInPlainText(CrmTestDatabase db) throws SQLException {
        MutableClock clock = MutableClock.atNow();
        Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(clock).build();
        List<String> secrets = new ArrayList<>();
        String password = "correct horse battery staple";
        secrets.add(password);

        User ana = crm.users().register(NewUser.of("ana@example.com", password, "Ana"));
        secrets.add(crm.users().issueEmailVerification(ana.id()).token());
        secrets.add(crm.users().issueEmailVerification(ana.id()).token());
        secrets.add(crm.users().requestPasswordReset("ana@example.com").orElseThrow().token());
        IssuedSession session = crm.auth().login(LoginRequest.of("ana@example.com", password, ClientInfo.of("10.1.2.3", "test")));
        secrets.add(session.sessionToken());
        secrets.add(session.refreshToken());
        IssuedSession refreshed = crm.auth().refresh(session.refreshToken());
        secrets.add(refreshed.sessionToken());
        secrets.add(refreshed.refreshToken());

        Organization org = crm.organizations().create(ana.id(), NewOrganization.named("Secrets Co"));
        TenantScope scope = crm.tenant(org.id(), ana.id());
        secrets.add(scope.invites().create(NewInvite.of("bruno@example.com", Role.MEMBER)).token());
        secrets.add(scope.invites().create(NewInvite.of("carla@example.com", Role.VIEWER)).token());
        TotpEnrollment enrollment = scope.twoFactor().enroll();
        List<String> backupCodes = scope.twoFactor().confirm(new Totp().code(enrollment.secret(), Totp.step(clock.instant())));
        secrets.addAll(backupCodes);
        backupCodes.forEach(code -> secrets.add(code.replace("-", "")));
        clock.advance(Duration.ofSeconds(30));
        crm.auth().login(LoginRequest.of("ana@example.com", password, ClientInfo.unknown()).organization(org.id(), backupCodes.get(0)));

        List<String> found = new ArrayList<>();
        try (Connection c = db.ownerDataSource().getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = 'crm' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).hasSizeGreaterThan(50);
            for (String[] column : columns) {
                String sql = "SELECT count(*) FROM crm." + column[0] + " WHERE position(? in " + column[1] + "::text) > 0";
                for (String secret : secrets) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, secret);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1]);
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
