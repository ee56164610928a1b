package dev.lovedcrm.crm.report;

import dev.lovedcrm.crm.id.UserId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The leads created in a period, per assigned user.
 *
 * @param userId the assigned user, {@code null} for unassigned leads
 * @param leads how many leads
 * @param won how many of them are won
 * @param value the sum of the won leads' actual values
 */
public record AssigneeStats(UserId userId, long leads, long won, BigDecimal value) {

    /**
     * The assigned user.
     *
     * @return the user, empty for the unassigned leads
     */
    public Optional<UserId> assignee() {
        return Optional.ofNullable(userId);
    }
}
