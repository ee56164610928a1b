package dev.lovedcrm.crm.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.lead.internal.LeadFilters;
import dev.lovedcrm.crm.store.DatabaseEnum;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which leads a list or the Kanban shows: every given criterion must hold (AND); an unset one ({@code null} or
 * empty) does not filter. {@link #all()} is the empty filter. Immutable; built with withers:
 *
 * <pre>{@code
 * LeadFilter mine = LeadFilter.all().assignedTo(ana).priorities(Priority.HIGH, Priority.URGENT).rotting(true);
 * String saved = mine.toJson();                    // a host stores it as a saved view
 * LeadFilter again = LeadFilter.fromJson(saved);   // equal to mine
 * }</pre>
 *
 * <p>The values are checked by the service that uses the filter (and by {@link #fromJson}): a
 * {@link ValidationException} names the component at fault ({@code minValue}, {@code createdTo}, …).
 *
 * @param assignedTo leads assigned to one of these members
 * @param unassigned {@code true}: leads without an assignee (with {@code assignedTo}: those members' or nobody's)
 * @param stages leads in one of these stages
 * @param priorities leads of one of these priorities
 * @param sources leads from one of these sources
 * @param tags leads carrying every one of these tags (normalised as lead tags are)
 * @param favorite only favourites ({@code true}) or only the others ({@code false})
 * @param minValue estimated value at least this (BRL)
 * @param maxValue estimated value at most this (BRL)
 * @param createdFrom created at or after
 * @param createdTo created before
 * @param updatedFrom last changed at or after
 * @param updatedTo last changed before
 * @param closed only closed ({@code true}) or only open ({@code false}) leads
 * @param won only won ({@code true}) or only not won ({@code false}) leads
 * @param rotting only rotting ({@code true}) or only not rotting ({@code false}) leads; see
 *     {@link StageSetting#rottingDays()}
 * @param text name or company contains this text, ignoring case (1–100 characters)
 */
public record LeadFilter(
        List<UserId> assignedTo,
        boolean unassigned,
        Set<Stage> stages,
        Set<Priority> priorities,
        List<String> sources,
        List<String> tags,
        Boolean favorite,
        BigDecimal minValue,
        BigDecimal maxValue,
        Instant createdFrom,
        Instant createdTo,
        Instant updatedFrom,
        Instant updatedTo,
        Boolean closed,
        Boolean won,
        Boolean rotting,
        String text) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LeadFilter ALL = new LeadFilter(List.of(), false, Set.of(), Set.of(), List.of(), List.of(),
            null, null, null, null, null, null, null, null, null, null, null);

    /**
     * Copies the collections (deduplicated, in the order given); {@code null} collections become empty.
     *
     * @param assignedTo assignees
     * @param unassigned unassigned
     * @param stages stages
     * @param priorities priorities
     * @param sources sources
     * @param tags tags
     * @param favorite favourite
     * @param minValue minimum value
     * @param maxValue maximum value
     * @param createdFrom created from
     * @param createdTo created before
     * @param updatedFrom updated from
     * @param updatedTo updated before
     * @param closed closed
     * @param won won
     * @param rotting rotting
     * @param text text
     */
    public LeadFilter {
        assignedTo = distinct(assignedTo);
        stages = stages == null || stages.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(stages));
        priorities = priorities == null || priorities.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(priorities));
        sources = distinct(sources);
        tags = distinct(tags);
    }

    /**
     * The empty filter: every lead.
     *
     * @return the filter
     */
    public static LeadFilter all() {
        return ALL;
    }

    /**
     * Whether no criterion is set.
     *
     * @return true for {@link #all()}
     */
    public boolean isEmpty() {
        return equals(ALL);
    }

    /**
     * Leads assigned to one of these members.
     *
     * @param users the members' user ids
     * @return the copy
     */
    public LeadFilter assignedTo(UserId... users) {
        return new LeadFilter(List.of(users), unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Leads without an assignee (combined with {@link #assignedTo}: those members' or nobody's).
     *
     * @param unassigned whether to include unassigned leads only
     * @return the copy
     */
    public LeadFilter unassigned(boolean unassigned) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Leads in one of these stages.
     *
     * @param stages the stages
     * @return the copy
     */
    public LeadFilter stages(Stage... stages) {
        return new LeadFilter(assignedTo, unassigned, new LinkedHashSet<>(Arrays.asList(stages)), priorities, sources, tags,
                favorite, minValue, maxValue, createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Leads of one of these priorities.
     *
     * @param priorities the priorities
     * @return the copy
     */
    public LeadFilter priorities(Priority... priorities) {
        return new LeadFilter(assignedTo, unassigned, stages, new LinkedHashSet<>(Arrays.asList(priorities)), sources, tags,
                favorite, minValue, maxValue, createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Leads from one of these sources.
     *
     * @param sources the sources
     * @return the copy
     */
    public LeadFilter sources(String... sources) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, Arrays.asList(sources), tags, favorite, minValue,
                maxValue, createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Leads carrying every one of these tags.
     *
     * @param tags the tags
     * @return the copy
     */
    public LeadFilter tags(String... tags) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, Arrays.asList(tags), favorite,
                minValue, maxValue, createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Only favourites, or only the others; {@code null} for both.
     *
     * @param favorite the flag, or {@code null}
     * @return the copy
     */
    public LeadFilter favorite(Boolean favorite) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Estimated value within a range; either bound may be {@code null}.
     *
     * @param min at least, or {@code null}
     * @param max at most, or {@code null}
     * @return the copy
     */
    public LeadFilter value(BigDecimal min, BigDecimal max) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, min, max,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Created within [from, to); either bound may be {@code null}.
     *
     * @param from at or after, or {@code null}
     * @param to before, or {@code null}
     * @return the copy
     */
    public LeadFilter created(Instant from, Instant to) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                from, to, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Last changed within [from, to); either bound may be {@code null}.
     *
     * @param from at or after, or {@code null}
     * @param to before, or {@code null}
     * @return the copy
     */
    public LeadFilter updated(Instant from, Instant to) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, from, to, closed, won, rotting, text);
    }

    /**
     * Only closed or only open leads; {@code null} for both.
     *
     * @param closed the flag, or {@code null}
     * @return the copy
     */
    public LeadFilter closed(Boolean closed) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Only won or only not won leads; {@code null} for both.
     *
     * @param won the flag, or {@code null}
     * @return the copy
     */
    public LeadFilter won(Boolean won) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Only rotting or only not rotting leads; {@code null} for both.
     *
     * @param rotting the flag, or {@code null}
     * @return the copy
     */
    public LeadFilter rotting(Boolean rotting) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * Name or company contains a text, ignoring case; {@code null} for any.
     *
     * @param text the text, or {@code null}
     * @return the copy
     */
    public LeadFilter text(String text) {
        return new LeadFilter(assignedTo, unassigned, stages, priorities, sources, tags, favorite, minValue, maxValue,
                createdFrom, createdTo, updatedFrom, updatedTo, closed, won, rotting, text);
    }

    /**
     * The filter as a JSON object, for a host to store as a saved view: only the set criteria, named as the
     * components; stages and priorities by their codes ({@code proposal}, {@code urgent}), values as decimal
     * strings, times as ISO-8601 instants. {@link #fromJson} reads it back to an equal filter.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode();
        strings(json, "assignedTo", assignedTo, UserId::toString);
        if (unassigned) {
            json.put("unassigned", true);
        }
        strings(json, "stages", stages, Stage::dbValue);
        strings(json, "priorities", priorities, Priority::dbValue);
        strings(json, "sources", sources, s -> s);
        strings(json, "tags", tags, s -> s);
        flag(json, "favorite", favorite);
        text(json, "minValue", minValue == null ? null : minValue.toPlainString());
        text(json, "maxValue", maxValue == null ? null : maxValue.toPlainString());
        text(json, "createdFrom", createdFrom == null ? null : createdFrom.toString());
        text(json, "createdTo", createdTo == null ? null : createdTo.toString());
        text(json, "updatedFrom", updatedFrom == null ? null : updatedFrom.toString());
        text(json, "updatedTo", updatedTo == null ? null : updatedTo.toString());
        flag(json, "closed", closed);
        flag(json, "won", won);
        flag(json, "rotting", rotting);
        text(json, "text", text);
        return json.toString();
    }

    /**
     * Reads a filter written by {@link #toJson}, and checks it as a service would.
     *
     * @param json the JSON object
     * @return the filter
     * @throws ValidationException naming {@code filter} when the text is not a JSON object, else the member at
     *     fault: an unknown member, a wrong type or a value a service would refuse
     */
    public static LeadFilter fromJson(String json) {
        if (json == null) {
            throw ValidationException.of("filter", "must be a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("filter", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ValidationException.of("filter", "must be a JSON object");
        }
        Set<String> known = Set.of("assignedTo", "unassigned", "stages", "priorities", "sources", "tags", "favorite",
                "minValue", "maxValue", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "closed", "won",
                "rotting", "text");
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ValidationException.of(name, "is not a filter criterion");
            }
        }
        LeadFilter filter = new LeadFilter(
                list(root, "assignedTo", s -> new UserId(UUID.fromString(s))),
                Boolean.TRUE.equals(bool(root, "unassigned")),
                Set.copyOf(list(root, "stages", s -> code(Stage.values(), s))),
                Set.copyOf(list(root, "priorities", s -> code(Priority.values(), s))),
                list(root, "sources", s -> s),
                list(root, "tags", s -> s),
                bool(root, "favorite"),
                value(root, "minValue", BigDecimal::new),
                value(root, "maxValue", BigDecimal::new),
                value(root, "createdFrom", Instant::parse),
                value(root, "createdTo", Instant::parse),
                value(root, "updatedFrom", Instant::parse),
                value(root, "updatedTo", Instant::parse),
                bool(root, "closed"),
                bool(root, "won"),
                bool(root, "rotting"),
                value(root, "text", s -> s));
        return LeadFilters.check(filter);
    }

    private static <T> List<T> distinct(Collection<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException("null in a filter list");
            }
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static <T> void strings(ObjectNode json, String name, Collection<T> values, Function<T, String> text) {
        if (!values.isEmpty()) {
            ArrayNode array = json.putArray(name);
            values.forEach(v -> array.add(text.apply(v)));
        }
    }

    private static void flag(ObjectNode json, String name, Boolean value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void text(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static <E extends DatabaseEnum> E code(E[] values, String code) {
        for (E value : values) {
            if (value.dbValue().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static Boolean bool(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ValidationException.of(name, "must be true or false");
        }
        return node.booleanValue();
    }

    private static <T> T value(JsonNode root, String name, Function<String, T> parse) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !(node.isNumber() && parse != null && name.endsWith("Value"))) {
            throw ValidationException.of(name, "must be a string");
        }
        try {
            return parse.apply(node.asText());
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw ValidationException.of(name, "is not a valid value");
        }
    }

    private static <T> List<T> list(JsonNode root, String name, Function<String, T> parse) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ValidationException.of(name, "must be an array of strings");
        }
        List<T> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ValidationException.of(name, "must be an array of strings");
            }
            try {
                values.add(parse.apply(item.textValue()));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of(name, "holds an unknown value: " + item.textValue());
            }
        }
        return values;
    }
}
