package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.lead.internal.LeadFields;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Changes to a lead's descriptive fields; only the fields given are changed, and giving {@code null} clears an
 * optional one. The patch is its own builder: {@code new LeadPatch().email("novo@x.com.br").estimatedValue(null)}.
 * Stage, assignee, tags and the favourite flag have their own operations on {@link Leads}.
 */
public final class LeadPatch {

    private final Set<String> given = new LinkedHashSet<>();
    private String name;
    private String email;
    private String phone;
    private String company;
    private String position;
    private String source;
    private Priority priority;
    private BigDecimal estimatedValue;
    private String notes;
    private Map<String, Object> metadata;

    /** An empty patch: applying it changes nothing. */
    public LeadPatch() {
    }

    /**
     * Sets the name (required: 1–255 characters).
     *
     * @param name the new value
     * @return this patch
     */
    public LeadPatch name(String name) {
        this.name = name;
        given.add("name");
        return this;
    }

    /**
     * Sets the email, or clears it with {@code null}.
     *
     * @param email the new value
     * @return this patch
     */
    public LeadPatch email(String email) {
        this.email = email;
        given.add("email");
        return this;
    }

    /**
     * Sets the phone (normalised to E.164 when it can be read), or clears it with {@code null}.
     *
     * @param phone the new value
     * @return this patch
     */
    public LeadPatch phone(String phone) {
        this.phone = phone;
        given.add("phone");
        return this;
    }

    /**
     * Sets the company, or clears it with {@code null}.
     *
     * @param company the new value
     * @return this patch
     */
    public LeadPatch company(String company) {
        this.company = company;
        given.add("company");
        return this;
    }

    /**
     * Sets the position, or clears it with {@code null}.
     *
     * @param position the new value
     * @return this patch
     */
    public LeadPatch position(String position) {
        this.position = position;
        given.add("position");
        return this;
    }

    /**
     * Sets the source; {@code null} or blank resets it to {@code web}.
     *
     * @param source the new value
     * @return this patch
     */
    public LeadPatch source(String source) {
        this.source = source;
        given.add("source");
        return this;
    }

    /**
     * Sets the priority (required when given).
     *
     * @param priority the new value
     * @return this patch
     */
    public LeadPatch priority(Priority priority) {
        this.priority = priority;
        given.add("priority");
        return this;
    }

    /**
     * Sets the estimated value in BRL, or clears it with {@code null}.
     *
     * @param estimatedValue the new value
     * @return this patch
     */
    public LeadPatch estimatedValue(BigDecimal estimatedValue) {
        this.estimatedValue = estimatedValue;
        given.add("estimatedValue");
        return this;
    }

    /**
     * Sets the notes, or clears them with {@code null}.
     *
     * @param notes the new value
     * @return this patch
     */
    public LeadPatch notes(String notes) {
        this.notes = notes;
        given.add("notes");
        return this;
    }

    /**
     * Replaces the metadata (a JSON object); {@code null} clears it.
     *
     * @param metadata the new value
     * @return this patch
     */
    public LeadPatch metadata(Map<String, Object> metadata) {
        this.metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        given.add("metadata");
        return this;
    }

    /**
     * The fields this patch changes, in the order they were given.
     *
     * @return field names such as {@code email}
     */
    public Set<String> fields() {
        return Collections.unmodifiableSet(given);
    }

    /**
     * Whether the patch changes nothing.
     *
     * @return true when no field was given
     */
    public boolean isEmpty() {
        return given.isEmpty();
    }

    /**
     * The lead after this patch, once every given field passes its checks.
     *
     * @param current the lead before
     * @return the lead with every given field replaced (normalised as on create)
     * @throws dev.lovedcrm.crm.error.ValidationException naming each field at fault
     */
    public Lead applyTo(Lead current) {
        LeadFields fields = new LeadFields();
        String newName = given.contains("name") ? fields.name(name) : current.name();
        String newEmail = given.contains("email") ? fields.email(email) : current.email();
        String newPhone = given.contains("phone") ? fields.phone(phone) : current.phone();
        String newCompany = given.contains("company") ? fields.text("company", company, 255) : current.company();
        String newPosition = given.contains("position") ? fields.text("position", position, 255) : current.position();
        String newSource = given.contains("source") ? fields.source(source) : current.source();
        if (given.contains("priority")) {
            fields.check(priority != null, "priority", "is required");
        }
        Priority newPriority = given.contains("priority") && priority != null ? priority : current.priority();
        BigDecimal newValue = given.contains("estimatedValue")
                ? fields.money("estimatedValue", estimatedValue, 10) : current.estimatedValue();
        String newNotes = given.contains("notes") ? fields.notes(notes) : current.notes();
        Map<String, Object> newMetadata = given.contains("metadata") ? fields.metadata(metadata) : current.metadata();
        fields.throwIfInvalid();
        return current.withDetails(newName, newEmail, newPhone, newCompany, newPosition, newSource, newPriority,
                newValue, newNotes, newMetadata);
    }
}
