package dev.lovedcrm.crm.jdbi.internal.lead;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.lead.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link LeadFilter} as SQL: {@link #sql()} is a fragment of {@code AND ...} conditions built only from the fixed
 * texts below (never from the filter's values), defined into a statement as {@code <filter>}; the values are bound
 * by name from this object's methods ({@code @BindMethods("f")}: {@code :f.assignee}, ...). Each statement shape is
 * planned with the conditions it really has, so a selective condition on an indexed column is an index condition.
 *
 * <p>Under row-level security only leakproof comparisons may be index conditions. Equality on uuid, varchar,
 * smallint, boolean and time is leakproof; on the {@code crm.lead_priority} enum it is not, so priorities are
 * compared through {@code priority_rank} (V11). Value ranges (numeric), tags (array), and text (ILIKE) are filters
 * on the rows the index range yields.
 */
public final class LeadFilterSql {

    private final LeadFilter filter;
    private final Map<Stage, Instant> rottingBefore;
    private final String sql;

    private LeadFilterSql(LeadFilter filter, Map<Stage, Instant> rottingBefore) {
        this.filter = filter;
        this.rottingBefore = rottingBefore;
        this.sql = build();
    }

    /**
     * The SQL form of a checked filter.
     *
     * @param filter the filter, checked and normalised by the service
     * @param rottingBefore per open stage with a threshold, the time before which a lead without activity rots
     * @return the SQL form
     */
    public static LeadFilterSql of(LeadFilter filter, Map<Stage, Instant> rottingBefore) {
        return new LeadFilterSql(filter, rottingBefore);
    }

    private String build() {
        StringBuilder s = new StringBuilder();
        int assignees = filter.assignedTo().size();
        if (assignees == 1 && !filter.unassigned()) {
            s.append(" AND assigned_user_id = :f.assignee");
        } else if (assignees == 0 && filter.unassigned()) {
            s.append(" AND assigned_user_id IS NULL");
        } else if (assignees > 0) {
            s.append(filter.unassigned()
                    ? " AND (assigned_user_id = ANY (:f.assignees) OR assigned_user_id IS NULL)"
                    : " AND assigned_user_id = ANY (:f.assignees)");
        }
        if (!filter.stages().isEmpty()) {
            s.append(" AND stage = ANY (:f.stages)");
        }
        if (filter.priorities().size() == 1) {
            s.append(" AND priority_rank = :f.priorityRank");
        } else if (!filter.priorities().isEmpty()) {
            s.append(" AND priority_rank = ANY (:f.priorityRanks)");
        }
        if (!filter.sources().isEmpty()) {
            s.append(" AND source = ANY (:f.sources)");
        }
        if (!filter.tags().isEmpty()) {
            s.append(" AND tags @> CAST(:f.tags AS text[])");
        }
        if (filter.favorite() != null) {
            s.append(" AND is_favorite = :f.favorite");
        }
        if (filter.minValue() != null) {
            s.append(" AND estimated_value >= :f.minValue");
        }
        if (filter.maxValue() != null) {
            s.append(" AND estimated_value <= :f.maxValue");
        }
        if (filter.createdFrom() != null) {
            s.append(" AND created_at >= :f.createdFrom");
        }
        if (filter.createdTo() != null) {
            s.append(" AND created_at < :f.createdTo");
        }
        if (filter.updatedFrom() != null) {
            s.append(" AND updated_at >= :f.updatedFrom");
        }
        if (filter.updatedTo() != null) {
            s.append(" AND updated_at < :f.updatedTo");
        }
        if (filter.closed() != null) {
            s.append(" AND is_closed = :f.closed");
        }
        if (filter.won() != null) {
            s.append(" AND is_won = :f.won");
        }
        if (filter.rotting() != null) {
            s.append(filter.rotting() ? " AND " : " AND NOT ").append(rotting());
        }
        if (filter.text() != null) {
            // '!' escapes the wildcards: JDBI's statement parser reads a backslash inside quotes as escaping the quote.
            s.append(" AND (name ILIKE :f.textPattern ESCAPE '!' OR company ILIKE :f.textPattern ESCAPE '!')");
        }
        return s.toString();
    }

    /** Open, in a stage with a threshold, and no change or contact since its cut-off. */
    private String rotting() {
        StringBuilder s = new StringBuilder();
        for (Stage stage : Stage.values()) {
            if (stage.isOpen() && rottingBefore.get(stage) != null) {
                s.append(s.length() == 0 ? "" : " OR ").append("(stage = '").append(stage.dbValue())
                        .append("' AND GREATEST(updated_at, last_contact_at) < :f.").append(rotParameter(stage)).append(')');
            }
        }
        return s.length() == 0 ? "false" : "(NOT is_closed AND (" + s + "))";
    }

    /**
     * The conditions, each starting with {@code AND}; empty for {@link LeadFilter#all()}.
     *
     * @return the fragment
     */
    public String sql() {
        return sql;
    }

    /** @return the one assignee */
    public UUID assignee() {
        return filter.assignedTo().isEmpty() ? null : filter.assignedTo().get(0).value();
    }

    /** @return the assignees */
    public UUID[] assignees() {
        return filter.assignedTo().stream().map(UserId::value).toArray(UUID[]::new);
    }

    /** @return the stage codes */
    public String[] stages() {
        return filter.stages().stream().map(Stage::dbValue).toArray(String[]::new);
    }

    /** @return the one priority's rank */
    public Integer priorityRank() {
        return filter.priorities().isEmpty() ? null : rank(filter.priorities().iterator().next());
    }

    /** @return the priorities' ranks */
    public Integer[] priorityRanks() {
        return filter.priorities().stream().map(LeadFilterSql::rank).toArray(Integer[]::new);
    }

    /** @return the sources */
    public String[] sources() {
        return filter.sources().toArray(String[]::new);
    }

    /** @return the tags */
    public String[] tags() {
        return filter.tags().toArray(String[]::new);
    }

    /** @return the favourite flag */
    public Boolean favorite() {
        return filter.favorite();
    }

    /** @return the minimum value */
    public BigDecimal minValue() {
        return filter.minValue();
    }

    /** @return the maximum value */
    public BigDecimal maxValue() {
        return filter.maxValue();
    }

    /** @return created from */
    public Instant createdFrom() {
        return filter.createdFrom();
    }

    /** @return created before */
    public Instant createdTo() {
        return filter.createdTo();
    }

    /** @return updated from */
    public Instant updatedFrom() {
        return filter.updatedFrom();
    }

    /** @return updated before */
    public Instant updatedTo() {
        return filter.updatedTo();
    }

    /** @return the closed flag */
    public Boolean closed() {
        return filter.closed();
    }

    /** @return the won flag */
    public Boolean won() {
        return filter.won();
    }

    /** @return the ILIKE pattern of the text, with its wildcards escaped */
    public String textPattern() {
        String text = filter.text();
        return text == null ? null
                : "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** @return the cut-off of stage lead */
    public Instant rotLead() {
        return rottingBefore.get(Stage.LEAD);
    }

    /** @return the cut-off of stage contact */
    public Instant rotContact() {
        return rottingBefore.get(Stage.CONTACT);
    }

    /** @return the cut-off of stage proposal */
    public Instant rotProposal() {
        return rottingBefore.get(Stage.PROPOSAL);
    }

    /** @return the cut-off of stage negotiation */
    public Instant rotNegotiation() {
        return rottingBefore.get(Stage.NEGOTIATION);
    }

    private static String rotParameter(Stage stage) {
        return switch (stage) {
            case LEAD -> "rotLead";
            case CONTACT -> "rotContact";
            case PROPOSAL -> "rotProposal";
            case NEGOTIATION -> "rotNegotiation";
            case CLOSED -> throw new IllegalArgumentException("closed leads never rot");
        };
    }

    /** The rank V11 stores in {@code priority_rank}: low 1, medium 2, high 3, urgent 4. */
    static int rank(Priority priority) {
        return switch (priority) {
            case LOW -> 1;
            case MEDIUM -> 2;
            case HIGH -> 3;
            case URGENT -> 4;
        };
    }
}
