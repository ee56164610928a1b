package dev.lovedcrm.crm.activity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which activities a timeline shows: every type, or only some.
 *
 * @param types the types to show; empty means every type
 */
public record ActivityFilter(Set<ActivityType> types) {

    /**
     * Copies the set.
     *
     * @param types the types, empty for all
     */
    public ActivityFilter {
        types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /**
     * Every type.
     *
     * @return the filter
     */
    public static ActivityFilter all() {
        return new ActivityFilter(Set.of());
    }

    /**
     * Only these types.
     *
     * @param types at least one type
     * @return the filter
     */
    public static ActivityFilter only(ActivityType... types) {
        return new ActivityFilter(Set.copyOf(Arrays.asList(types)));
    }
}
