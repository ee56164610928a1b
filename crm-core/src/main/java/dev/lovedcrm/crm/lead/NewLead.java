package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.id.UserId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What it takes to create a lead: {@code NewLead.named("Maria").email("maria@x.com.br").phone("11 91234-5678")}.
 * Only the name is required; blank optional texts count as absent. The service normalises and checks every
 * field (see {@link Leads#create(NewLead)}).
 *
 * @param name the name, 1–255 characters
 * @param email an email address (stored lower-cased), or {@code null}
 * @param phone a phone number (stored in E.164 when it can be read, Brazil by default), or {@code null}
 * @param company the company (≤ 255), or {@code null}
 * @param position the position (≤ 255), or {@code null}
 * @param source where the lead came from (≤ 100), {@code web} when {@code null}
 * @param priority the priority, {@link Priority#MEDIUM} when {@code null}
 * @param estimatedValue estimated value in BRL, at least 0 with at most 2 decimals, or {@code null}
 * @param notes notes (≤ 10 000 characters, line breaks allowed), or {@code null}
 * @param tags tags (normalised: trimmed, lower case, deduplicated; at most 20 of at most 50 characters)
 * @param metadata a JSON object (≤ 16 KiB), or {@code null} for none
 * @param assignedUserId an active member of the organization to assign, or {@code null}
 */
public record NewLead(String name, String email, String phone, String company, String position, String source,
        Priority priority, BigDecimal estimatedValue, String notes, List<String> tags, Map<String, Object> metadata,
        UserId assignedUserId) {

    /**
     * Copies the collections (which may hold anything: they are checked by the service).
     *
     * @param name name
     * @param email email
     * @param phone phone
     * @param company company
     * @param position position
     * @param source source
     * @param priority priority
     * @param estimatedValue estimated value
     * @param notes notes
     * @param tags tags
     * @param metadata metadata
     * @param assignedUserId assignee
     */
    public NewLead {
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * A lead with just a name.
     *
     * @param name the name
     * @return the input
     */
    public static NewLead named(String name) {
        return new NewLead(name, null, null, null, null, null, null, null, null, List.of(), null, null);
    }

    /**
     * With an email.
     *
     * @param email the address
     * @return a copy
     */
    public NewLead email(String email) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With a phone.
     *
     * @param phone the number as typed
     * @return a copy
     */
    public NewLead phone(String phone) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With a company.
     *
     * @param company the company
     * @return a copy
     */
    public NewLead company(String company) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With a position.
     *
     * @param position the position
     * @return a copy
     */
    public NewLead position(String position) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With a source.
     *
     * @param source e.g. {@code referral}
     * @return a copy
     */
    public NewLead source(String source) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With a priority.
     *
     * @param priority the priority
     * @return a copy
     */
    public NewLead priority(Priority priority) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With an estimated value.
     *
     * @param estimatedValue the value in BRL
     * @return a copy
     */
    public NewLead estimatedValue(BigDecimal estimatedValue) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With notes.
     *
     * @param notes the notes
     * @return a copy
     */
    public NewLead notes(String notes) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With tags.
     *
     * @param tags the tags
     * @return a copy
     */
    public NewLead tags(List<String> tags) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * With metadata.
     *
     * @param metadata a JSON object
     * @return a copy
     */
    public NewLead metadata(Map<String, Object> metadata) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }

    /**
     * Assigned to a member.
     *
     * @param assignedUserId the member's user id
     * @return a copy
     */
    public NewLead assignedTo(UserId assignedUserId) {
        return new NewLead(name, email, phone, company, position, source, priority, estimatedValue, notes, tags, metadata, assignedUserId);
    }
}
