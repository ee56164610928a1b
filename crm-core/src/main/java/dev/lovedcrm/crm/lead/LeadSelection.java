package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which leads a bulk operation of {@link Leads} works on: every lead matching a {@link LeadFilter}, or an explicit
 * list of at most {@value #MAX_IDS} ids (ids that do not exist or belong to another organization are counted as
 * not found and never touched).
 *
 * <pre>{@code
 * leads.bulkMove(LeadSelection.of(LeadFilter.all().stages(Stage.LEAD).rotting(true)), Stage.CONTACT);
 * leads.bulkTag(LeadSelection.ids(List.of(a, b, c)), List.of("vip"), List.of());
 * }</pre>
 *
 * @param filter the filter, or {@code null} when {@code ids} selects
 * @param ids the ids (deduplicated, in the order given), empty when {@code filter} selects
 */
public record LeadSelection(LeadFilter filter, List<LeadId> ids) {

    /** The most ids one selection may name. */
    public static final int MAX_IDS = 1000;

    /**
     * Checks that exactly one of the two selects and copies the ids.
     *
     * @param filter the filter, or {@code null}
     * @param ids the ids, or {@code null}
     * @throws ValidationException naming {@code selection} or {@code ids}
     */
    public LeadSelection {
        if (filter == null && ids == null || filter != null && ids != null && !ids.isEmpty()) {
            throw ValidationException.of("selection", "must be either a filter or a list of ids");
        }
        if (ids != null) {
            if (ids.contains(null)) {
                throw ValidationException.of("ids", "must not contain null");
            }
            List<LeadId> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
            if (distinct.isEmpty() || distinct.size() > MAX_IDS) {
                throw ValidationException.of("ids", "must name 1 to " + MAX_IDS + " leads");
            }
            ids = List.copyOf(distinct);
        } else {
            ids = List.of();
        }
    }

    /**
     * Every lead matching a filter.
     *
     * @param filter the filter ({@link LeadFilter#all()} for every lead)
     * @return the selection
     * @throws ValidationException naming {@code selection} when the filter is {@code null}
     */
    public static LeadSelection of(LeadFilter filter) {
        if (filter == null) {
            throw ValidationException.of("selection", "must be either a filter or a list of ids");
        }
        return new LeadSelection(filter, null);
    }

    /**
     * The leads with these ids.
     *
     * @param ids 1 to {@value #MAX_IDS} ids (duplicates count once)
     * @return the selection
     * @throws ValidationException naming {@code ids}
     */
    public static LeadSelection ids(Collection<LeadId> ids) {
        if (ids == null) {
            throw ValidationException.of("ids", "must name 1 to " + MAX_IDS + " leads");
        }
        return new LeadSelection(null, new ArrayList<>(ids));
    }

    /**
     * Whether a filter selects.
     *
     * @return true for {@link #of(LeadFilter)}
     */
    public boolean byFilter() {
        return filter != null;
    }
}
