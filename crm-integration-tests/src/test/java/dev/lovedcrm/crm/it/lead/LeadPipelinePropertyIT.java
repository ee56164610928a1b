package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of stage moves, closes (won or lost) and reopens keep a lead's {@code is_closed},
 * {@code is_won} and {@code closed_at} consistent with its stage, as stored (read as the schema owner) and as
 * returned, and match a model of the pipeline's rules. QuickTheories draws the sequences and prints the seed of a
 * failure ({@code -DQT_SEED=<seed>} replays it).
 */
class LeadPipelinePropertyIT {

    private static final Stage[] OPEN = {Stage.LEAD, Stage.CONTACT, Stage.PROPOSAL, Stage.NEGOTIATION};

    /** One drawn operation: 0 move, 1 close as won, 2 close as lost, 3 reopen; {@code stage} picks an open stage. */
    private record Op(int kind, int stage) {
        @Override
        public String toString() {
            return switch (kind) {
                case 0 -> "move(" + OPEN[stage] + ")";
                case 1 -> "won";
                case 2 -> "lost";
                default -> "reopen(" + OPEN[stage] + ")";
            };
        }
    }

    private static CrmTestDatabase db;
    private static TenantScope scope;

    @BeforeAll
    static void setUp() throws SQLException {
        db = CrmTestDatabases.create();
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        UserId owner = fx.user("pipeline");
        Organization org = fx.organization(owner, "Pipeline Property");
        // On the paid plan, so the property may create as many leads as it draws sequences.
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO crm.organization_subscriptions (organization_id, id, plan_id, status, is_active)
                SELECT ?, gen_random_uuid(), id, 'active', true FROM crm.plans WHERE slug = 'professional'""")) {
            s.setObject(1, org.id().value());
            s.executeUpdate();
        }
        scope = fx.scope(org.id(), owner);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void closedWonAndClosedAtAlwaysAgreeWithTheStage() {
        Gen<Op> ops = integers().between(0, 3).zip(integers().between(0, OPEN.length - 1), Op::new);
        qt().withExamples(40)
                .withShrinkCycles(20)
                .forAll(lists().of(ops).ofSizeBetween(1, 12))
                .checkAssert(LeadPipelinePropertyIT::run);
    }

    private static void run(List<Op> ops) {
        Lead lead = scope.leads().create(NewLead.named("Property").estimatedValue(new BigDecimal("100")));
        Stage stage = Stage.LEAD;
        boolean won = false;
        for (Op op : ops) {
            LeadId id = lead.id();
            boolean closed = stage == Stage.CLOSED;
            boolean allowed = switch (op.kind()) {
                case 0, 3 -> op.kind() == 0 || closed;
                default -> !closed;
            };
            try {
                lead = switch (op.kind()) {
                    case 0 -> scope.leads().moveToStage(id, OPEN[op.stage()]);
                    case 1 -> scope.leads().closeAsWon(id);
                    case 2 -> scope.leads().closeAsLost(id, "reason");
                    default -> scope.leads().reopen(id, OPEN[op.stage()]);
                };
                assertThat(allowed).as("%s was accepted in stage %s", op, stage).isTrue();
                stage = op.kind() == 1 || op.kind() == 2 ? Stage.CLOSED : OPEN[op.stage()];
                won = op.kind() == 1;
            } catch (CrmException refused) {
                assertThat(allowed).as("%s was refused in stage %s: %s", op, stage, refused.code()).isFalse();
                assertThat(refused.code()).isIn("lead.already_closed", "lead.not_closed");
            }
            if (stage != Stage.CLOSED) {
                won = false;
            }
            assertThat(lead.stage()).as("after %s", ops).isEqualTo(stage);
            assertThat(lead.closed()).isEqualTo(stage == Stage.CLOSED);
            assertThat(lead.won()).isEqualTo(won);
            assertThat(lead.closedAt() != null).isEqualTo(stage == Stage.CLOSED);
            assertStoredRowIsConsistent(id, stage, won);
        }
    }

    private static void assertStoredRowIsConsistent(LeadId id, Stage stage, boolean won) {
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT stage, is_closed, is_won, closed_at IS NOT NULL, lost_reason IS NOT NULL, actual_value IS NOT NULL"
                        + " FROM crm.leads WHERE id = ?")) {
            s.setObject(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                boolean closed = "closed".equals(rs.getString(1));
                assertThat(rs.getString(1)).isEqualTo(stage.dbValue());
                assertThat(rs.getBoolean(2)).as("is_closed").isEqualTo(closed);
                assertThat(rs.getBoolean(3)).as("is_won").isEqualTo(won);
                assertThat(rs.getBoolean(4)).as("closed_at set").isEqualTo(closed);
                assertThat(rs.getBoolean(5)).as("lost reason").isEqualTo(closed && !won);
                assertThat(rs.getBoolean(6)).as("actual value").isEqualTo(won);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
