package dev.lovedcrm.crm.lead;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline board: one {@link KanbanColumn} per stage, in pipeline order ({@link Stage#CLOSED} last), all read
 * in one transaction.
 *
 * @param filter the filter the board shows
 * @param columns one column per stage
 */
public record Kanban(LeadFilter filter, List<KanbanColumn> columns) {

    /**
     * Checks the components and copies the columns.
     *
     * @param filter filter
     * @param columns columns
     */
    public Kanban {
        Objects.requireNonNull(filter, "filter");
        columns = List.copyOf(columns);
    }

    /**
     * The column of a stage.
     *
     * @param stage the stage
     * @return its column
     */
    public KanbanColumn column(Stage stage) {
        return columns.stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
    }

    /**
     * How many leads the board shows in all.
     *
     * @return the sum of the columns' counts
     */
    public long count() {
        return columns.stream().mapToLong(KanbanColumn::count).sum();
    }

    /**
     * The weighted value of the open stages: the forecast of what the pipeline will still bring.
     *
     * @return the sum of the open columns' weighted values
     */
    public BigDecimal openWeightedValue() {
        return columns.stream().filter(c -> c.stage().isOpen()).map(KanbanColumn::weightedValue)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
