package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.page.Page;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One stage's column of the Kanban: its first cards and its exact totals under the Kanban's filter.
 *
 * @param stage the stage
 * @param label the organization's label of the stage
 * @param winProbability the stage's win probability in percent
 * @param count how many leads (matching the filter) are in the stage, exactly
 * @param value the sum of their estimated values in BRL (leads without one count as zero)
 * @param weightedValue {@code value} × {@code winProbability} / 100, rounded half-even to cents
 * @param cards the first cards, most recently changed first, with the cursor of the next page
 *     ({@link Leads#kanbanColumn})
 */
public record KanbanColumn(Stage stage, String label, int winProbability, long count, BigDecimal value,
        BigDecimal weightedValue, Page<KanbanCard> cards) {

    /**
     * Checks the required components.
     *
     * @param stage stage
     * @param label label
     * @param winProbability probability
     * @param count count
     * @param value value sum
     * @param weightedValue weighted sum
     * @param cards cards
     */
    public KanbanColumn {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(weightedValue, "weightedValue");
        Objects.requireNonNull(cards, "cards");
    }
}
