package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.lead.Kanban;
import dev.lovedcrm.crm.lead.KanbanCard;
import dev.lovedcrm.crm.lead.KanbanColumn;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.LeadOrder;
import dev.lovedcrm.crm.lead.Leads;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.StageSetting;
import dev.lovedcrm.crm.lead.StageSettings;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import dev.lovedcrm.crm.lead.spi.StageTotal;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The board side of {@link Leads}: filtered lists, the Kanban and the stage settings. The Kanban reads, in one
 * transaction, the stage settings, the totals (maintained ones without a filter, counted ones with a filter) and
 * each column's first cards, one keyset range per column.
 */
final class LeadBoard {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TenantWork work;

    LeadBoard(TenantWork work) {
        this.work = work;
    }

    Page<Lead> list(LeadFilter filter, LeadOrder order, PageRequest page) {
        LeadFilter checked = LeadFilters.check(filter);
        Validation.requireNonNull("order", order);
        Validation.requireNonNull("page", page);
        Keyset after = Keyset.of(order.cursorKey(), page, Leads.MAX_PAGE_SIZE);
        LeadId afterId = after.id() == null ? null : new LeadId(after.id());
        boolean byUpdate = order == LeadOrder.UPDATED_DESC;
        return work.run(Action.LEAD_READ, tx -> {
            Map<Stage, Instant> rotting = rottingBefore(settings(tx), tx.now());
            List<Lead> rows = leads(tx).listFiltered(tx.organizationId(), byUpdate, checked, rotting, after.at(), afterId,
                    page.limit() + 1);
            return Page.fromRows(rows, page.limit(),
                    l -> Keyset.cursor(order.cursorKey(), byUpdate ? l.updatedAt() : l.createdAt(), l.id()));
        });
    }

    Kanban kanban(LeadFilter filter, int cardsPerColumn) {
        LeadFilter checked = LeadFilters.check(filter);
        if (cardsPerColumn < 1 || cardsPerColumn > Leads.MAX_CARDS_PER_COLUMN) {
            throw ValidationException.of("cardsPerColumn", "must be between 1 and " + Leads.MAX_CARDS_PER_COLUMN);
        }
        return work.run(Action.LEAD_READ, tx -> {
            StageSettings settings = settings(tx);
            Instant now = tx.now();
            Map<Stage, Instant> rotting = rottingBefore(settings, now);
            Map<Stage, StageTotal> totals = new EnumMap<>(Stage.class);
            List<StageTotal> rows = checked.isEmpty() ? leads(tx).stageTotals(tx.organizationId())
                    : leads(tx).countByStage(tx.organizationId(), checked, rotting);
            rows.forEach(t -> totals.put(t.stage(), t));
            List<KanbanColumn> columns = new ArrayList<>();
            for (Stage stage : Stage.values()) {
                StageTotal total = totals.getOrDefault(stage, new StageTotal(stage, 0, BigDecimal.ZERO));
                Page<KanbanCard> cards = total.count() == 0 ? new Page<>(List.of(), java.util.Optional.empty())
                        : cards(tx, stage, checked, rotting, null, null, cardsPerColumn);
                columns.add(column(settings.of(stage), total, cards));
            }
            return new Kanban(checked, columns);
        });
    }

    Page<KanbanCard> kanbanColumn(Stage stage, LeadFilter filter, PageRequest page) {
        Validation.requireNonNull("stage", stage);
        LeadFilter checked = LeadFilters.check(filter);
        Validation.requireNonNull("page", page);
        Keyset after = Keyset.of(tag(stage), page, Leads.MAX_CARDS_PER_COLUMN);
        LeadId afterId = after.id() == null ? null : new LeadId(after.id());
        return work.run(Action.LEAD_READ, tx -> {
            Map<Stage, Instant> rotting = rottingBefore(settings(tx), tx.now());
            return cards(tx, stage, checked, rotting, after.at(), afterId, page.limit());
        });
    }

    StageSettings stageSettings() {
        return work.run(Action.LEAD_READ, LeadBoard::settings);
    }

    StageSettings updateStageSettings(StageSettings settings) {
        StageSettings checked = LeadFilters.check(settings);
        String json = StageSettingsJson.write(checked);
        return work.run(Action.ORGANIZATION_UPDATE, tx -> {
            tx.actor(Action.ORGANIZATION_UPDATE);
            leads(tx).saveStageSettings(tx.organizationId(), json);
            tx.publish(EventType.ORGANIZATION_UPDATED, Map.of("settings", "pipeline"));
            return settings(tx);
        });
    }

    private static Page<KanbanCard> cards(TenantTransaction tx, Stage stage, LeadFilter filter,
            Map<Stage, Instant> rotting, Instant afterAt, LeadId afterId, int limit) {
        if (!filter.stages().isEmpty() && !filter.stages().contains(stage)) {
            return new Page<>(List.of(), java.util.Optional.empty());
        }
        List<Lead> rows = leads(tx).listStage(tx.organizationId(), stage, filter, rotting, afterAt, afterId, limit + 1);
        Instant cutoff = rotting.get(stage);
        return Page.fromRows(rows, limit, l -> Keyset.cursor(tag(stage), l.updatedAt(), l.id()))
                .map(l -> new KanbanCard(l, rotting(l, cutoff)));
    }

    private static KanbanColumn column(StageSetting setting, StageTotal total, Page<KanbanCard> cards) {
        BigDecimal value = total.valueSum().setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal weighted = value.multiply(BigDecimal.valueOf(setting.winProbability()))
                .divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
        return new KanbanColumn(setting.stage(), setting.label(), setting.winProbability(), total.count(), value,
                weighted, cards);
    }

    /**
     * Whether a lead rots: open, in a stage with a threshold, and neither changed nor contacted since the cut-off
     * (the same rule as the store's rotting filter).
     */
    static boolean rotting(Lead lead, Instant cutoff) {
        if (cutoff == null || lead.closed()) {
            return false;
        }
        Instant last = lead.lastContactAt() != null && lead.lastContactAt().isAfter(lead.updatedAt())
                ? lead.lastContactAt() : lead.updatedAt();
        return last.isBefore(cutoff);
    }

    static Map<Stage, Instant> rottingBefore(StageSettings settings, Instant now) {
        Map<Stage, Instant> cutoffs = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            Instant cutoff = settings.rottingBefore(stage, now);
            if (cutoff != null) {
                cutoffs.put(stage, cutoff);
            }
        }
        return cutoffs;
    }

    private static String tag(Stage stage) {
        return "kanban-" + stage.dbValue();
    }

    private static StageSettings settings(TenantTransaction tx) {
        return StageSettingsJson.read(leads(tx).stageSettings(tx.organizationId()));
    }

    private static LeadRepository leads(TenantTransaction tx) {
        return tx.repository(LeadRepository.class);
    }
}
