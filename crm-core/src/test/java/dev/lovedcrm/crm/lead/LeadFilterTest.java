package dev.lovedcrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.lead.internal.LeadFilters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The filter's JSON round trip (what a host stores as a saved view) and its checks, each naming the field. */
class LeadFilterTest {

    private static final UserId ANA = new UserId(UUID.fromString("0190c2a8-0000-7000-8000-000000000001"));

    @Test
    void theEmptyFilterIsAnEmptyObject() {
        assertThat(LeadFilter.all().toJson()).isEqualTo("{}");
        assertThat(LeadFilter.fromJson("{}")).isEqualTo(LeadFilter.all());
        assertThat(LeadFilter.all().isEmpty()).isTrue();
        assertThat(LeadFilter.all().rotting(true).isEmpty()).isFalse();
    }

    @Test
    void everyCriterionSurvivesTheRoundTrip() {
        LeadFilter filter = LeadFilter.all().assignedTo(ANA).unassigned(true).stages(Stage.PROPOSAL, Stage.LEAD)
                .priorities(Priority.URGENT).sources("web", "referral").tags("vip", "quente").favorite(true)
                .value(new BigDecimal("100.00"), new BigDecimal("5000.50"))
                .created(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))
                .updated(Instant.parse("2026-01-15T10:00:00Z"), null).closed(false).won(false).rotting(true).text("acme");

        String json = filter.toJson();
        assertThat(json).contains("\"stages\":[\"lead\",\"proposal\"]", "\"priorities\":[\"urgent\"]",
                "\"minValue\":\"100.00\"", "\"createdFrom\":\"2026-01-01T00:00:00Z\"", "\"rotting\":true");
        assertThat(LeadFilter.fromJson(json)).isEqualTo(filter);
        assertThat(LeadFilter.fromJson(json).toJson()).isEqualTo(json);
    }

    /** Random filters (seeded; the seed is printed) come back equal from their JSON. */
    @Test
    void randomFiltersRoundTrip() {
        long seed = System.nanoTime();
        System.out.println("LeadFilterTest.randomFiltersRoundTrip seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            LeadFilter filter = LeadFilter.all();
            if (random.nextBoolean()) {
                filter = filter.assignedTo(new UserId(UUID.randomUUID()));
            }
            if (random.nextBoolean()) {
                filter = filter.stages(Stage.values()[random.nextInt(5)]);
            }
            if (random.nextBoolean()) {
                filter = filter.priorities(Priority.values()[random.nextInt(4)], Priority.values()[random.nextInt(4)]);
            }
            if (random.nextBoolean()) {
                filter = filter.favorite(random.nextBoolean());
            }
            if (random.nextBoolean()) {
                filter = filter.value(BigDecimal.valueOf(random.nextInt(1000), 2), null);
            }
            if (random.nextBoolean()) {
                filter = filter.closed(random.nextBoolean()).unassigned(random.nextBoolean());
            }
            if (random.nextBoolean()) {
                filter = filter.text("t" + random.nextInt(100)).tags("x" + random.nextInt(9));
            }
            LeadFilter checked = LeadFilters.check(filter);
            assertThat(LeadFilter.fromJson(checked.toJson())).as("seed %s", seed).isEqualTo(checked);
        }
    }

    @Test
    void badJsonNamesTheMember() {
        assertField(() -> LeadFilter.fromJson("[1]"), "filter");
        assertField(() -> LeadFilter.fromJson("{not json"), "filter");
        assertField(() -> LeadFilter.fromJson("{\"colour\":\"red\"}"), "colour");
        assertField(() -> LeadFilter.fromJson("{\"stages\":[\"won\"]}"), "stages");
        assertField(() -> LeadFilter.fromJson("{\"stages\":\"lead\"}"), "stages");
        assertField(() -> LeadFilter.fromJson("{\"priorities\":[\"URGENT\"]}"), "priorities");
        assertField(() -> LeadFilter.fromJson("{\"assignedTo\":[\"nobody\"]}"), "assignedTo");
        assertField(() -> LeadFilter.fromJson("{\"favorite\":\"yes\"}"), "favorite");
        assertField(() -> LeadFilter.fromJson("{\"minValue\":\"lots\"}"), "minValue");
        assertField(() -> LeadFilter.fromJson("{\"createdFrom\":\"yesterday\"}"), "createdFrom");
        assertField(() -> LeadFilter.fromJson("{\"minValue\":\"-1\"}"), "minValue");
    }

    @Test
    void contradictionsAndOutOfRangeValuesNameTheField() {
        assertField(() -> LeadFilters.check((LeadFilter) null), "filter");
        assertField(() -> LeadFilters.check(LeadFilter.all().value(new BigDecimal("10"), new BigDecimal("5"))), "maxValue");
        assertField(() -> LeadFilters.check(LeadFilter.all().value(new BigDecimal("1.001"), null)), "minValue");
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        assertField(() -> LeadFilters.check(LeadFilter.all().created(now, now)), "createdTo");
        assertField(() -> LeadFilters.check(LeadFilter.all().updated(now, now.minusSeconds(1))), "updatedTo");
        assertField(() -> LeadFilters.check(LeadFilter.all().won(true).closed(false)), "won");
        assertField(() -> LeadFilters.check(LeadFilter.all().rotting(true).closed(true)), "rotting");
        assertField(() -> LeadFilters.check(LeadFilter.all().text("x".repeat(101))), "text");
        assertField(() -> LeadFilters.check(LeadFilter.all().text("a\u0000b")), "text");
        assertField(() -> LeadFilters.check(LeadFilter.all().tags("x".repeat(51))), "tags");
        assertField(() -> LeadFilters.check(LeadFilter.all().sources(" ")), "sources");
    }

    @Test
    void checkingNormalisesAsLeadsAreStored() {
        LeadFilter checked = LeadFilters.check(LeadFilter.all().tags(" VIP ", "vip").text("  acme ").sources(" web "));
        assertThat(checked.tags()).containsExactly("vip");
        assertThat(checked.text()).isEqualTo("acme");
        assertThat(checked.sources()).containsExactly("web");
        assertThat(LeadFilters.check(LeadFilter.all().text("   "))).isEqualTo(LeadFilter.all());
    }

    @Test
    void stageSettingsAreCheckedByField() {
        StageSettings defaults = StageSettings.defaults();
        assertThat(defaults.of(Stage.CONTACT).label()).isEqualTo("Contato");
        assertThat(defaults.of(Stage.CLOSED).rottingDays()).isNull();
        assertField(() -> LeadFilters.check(defaults.withWinProbability(Stage.LEAD, 101)), "stages.lead.winProbability");
        assertField(() -> LeadFilters.check(defaults.withRottingDays(Stage.CLOSED, 3)), "stages.closed.rottingDays");
        assertField(() -> LeadFilters.check(defaults.withRottingDays(Stage.PROPOSAL, 0)), "stages.proposal.rottingDays");
        assertField(() -> LeadFilters.check(defaults.withLabel(Stage.NEGOTIATION, "x".repeat(51))),
                "stages.negotiation.label");
        assertThat(LeadFilters.check(defaults.withLabel(Stage.LEAD, "  Novo ")).of(Stage.LEAD).label()).isEqualTo("Novo");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
