package dev.lovedcrm.crm.lead;

import java.util.Objects;

/**
 * A lead on the Kanban.
 *
 * @param lead the lead
 * @param rotting whether it is open and has had no activity (no change, no contact) for longer than its stage's
 *     {@link StageSetting#rottingDays()}
 */
public record KanbanCard(Lead lead, boolean rotting) {

    /**
     * Checks that the lead is given.
     *
     * @param lead lead
     * @param rotting rotting flag
     */
    public KanbanCard {
        Objects.requireNonNull(lead, "lead");
    }
}
