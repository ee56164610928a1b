package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.StageSetting;
import dev.lovedcrm.crm.lead.StageSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks and normalises a {@link LeadFilter} before any database work; checks {@link StageSettings} to be saved. */
public final class LeadFilters {

    /** At most this many assignees or sources in one filter. */
    public static final int MAX_VALUES = 100;
    /** The longest text a filter searches for. */
    public static final int MAX_TEXT = 100;
    /** The longest stage label. */
    public static final int MAX_LABEL = 50;
    /** The longest rotting threshold, in days (ten years). */
    public static final int MAX_ROTTING_DAYS = 3650;

    private LeadFilters() {
    }

    /**
     * The filter with its tags, sources and text normalised as leads store them.
     *
     * @param filter the filter
     * @return the normalised filter
     * @throws ValidationException naming every component at fault
     */
    public static LeadFilter check(LeadFilter filter) {
        if (filter == null) {
            throw ValidationException.of("filter", "is required: use LeadFilter.all() for every lead");
        }
        LeadFields fields = new LeadFields();
        fields.check(filter.assignedTo().size() <= MAX_VALUES, "assignedTo", "must name at most " + MAX_VALUES + " members");
        fields.check(filter.sources().size() <= MAX_VALUES, "sources", "must name at most " + MAX_VALUES + " sources");
        List<String> sources = new ArrayList<>();
        for (String source : filter.sources()) {
            String s = fields.text("sources", source, 100);
            fields.check(s != null, "sources", "must not contain blank sources");
            if (s != null) {
                sources.add(s);
            }
        }
        List<String> tags = fields.tags("tags", filter.tags(), LeadFields.MAX_TAGS);
        BigDecimal min = fields.money("minValue", filter.minValue(), 10);
        BigDecimal max = fields.money("maxValue", filter.maxValue(), 10);
        fields.check(min == null || max == null || min.compareTo(max) <= 0, "maxValue", "must not be below minValue");
        fields.check(before(filter.createdFrom(), filter.createdTo()), "createdTo", "must be after createdFrom");
        fields.check(before(filter.updatedFrom(), filter.updatedTo()), "updatedTo", "must be after updatedFrom");
        fields.check(!(Boolean.TRUE.equals(filter.won()) && Boolean.FALSE.equals(filter.closed())), "won",
                "a won lead is closed: won=true contradicts closed=false");
        fields.check(!(Boolean.TRUE.equals(filter.rotting()) && Boolean.TRUE.equals(filter.closed())), "rotting",
                "closed leads never rot: rotting=true contradicts closed=true");
        String text = fields.text("text", filter.text(), MAX_TEXT);
        fields.throwIfInvalid();
        return new LeadFilter(filter.assignedTo(), filter.unassigned(), filter.stages(), filter.priorities(), sources,
                tags, filter.favorite(), min, max, filter.createdFrom(), filter.createdTo(), filter.updatedFrom(),
                filter.updatedTo(), filter.closed(), filter.won(), filter.rotting(), text);
    }

    /**
     * The settings with their labels trimmed.
     *
     * @param settings the settings to save
     * @return the normalised settings
     * @throws ValidationException naming {@code stages.<code>.label}, {@code .winProbability} or {@code .rottingDays}
     */
    public static StageSettings check(StageSettings settings) {
        if (settings == null) {
            throw ValidationException.of("settings", "is required");
        }
        LeadFields fields = new LeadFields();
        List<StageSetting> all = new ArrayList<>();
        for (StageSetting s : settings.stages()) {
            String prefix = "stages." + s.stage().dbValue() + ".";
            String label = fields.text(prefix + "label", s.label(), MAX_LABEL);
            fields.check(label != null, prefix + "label", "must be 1–" + MAX_LABEL + " characters");
            fields.check(s.winProbability() >= 0 && s.winProbability() <= 100, prefix + "winProbability",
                    "must be from 0 to 100");
            Integer days = s.rottingDays();
            if (days != null) {
                fields.check(s.stage().isOpen(), prefix + "rottingDays", "closed leads never rot");
                fields.check(days >= 1 && days <= MAX_ROTTING_DAYS, prefix + "rottingDays",
                        "must be from 1 to " + MAX_ROTTING_DAYS + " days");
            }
            all.add(new StageSetting(s.stage(), label == null ? s.stage().label() : label, s.winProbability(), days));
        }
        fields.throwIfInvalid();
        return new StageSettings(all);
    }

    private static boolean before(Instant from, Instant to) {
        return from == null || to == null || from.isBefore(to);
    }
}
