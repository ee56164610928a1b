package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lead of the organization's pipeline. {@code closed}, {@code won} and {@code closedAt} always agree with
 * {@code stage}: closed exactly in {@link Stage#CLOSED}, won only when closed, {@code closedAt} set exactly
 * when closed, {@code lostReason} only on a lost lead (the service keeps this, and a database CHECK refuses
 * anything else).
 *
 * @param id the lead
 * @param organizationId the organization owning it
 * @param name the lead's name (1–255 characters)
 * @param email lower-cased email, or {@code null}
 * @param phone E.164 phone ({@code +5511912345678}) when it could be parsed, else the text as given; or {@code null}
 * @param company company, or {@code null}
 * @param position position at the company, or {@code null}
 * @param stage pipeline stage
 * @param source where the lead came from ({@code web}, {@code email}, {@code referral}, …)
 * @param priority priority
 * @param estimatedValue estimated deal value in BRL (2 decimals), or {@code null}
 * @param actualValue value the deal closed at in BRL, set when won, or {@code null}
 * @param closed whether the lead is closed
 * @param won whether the lead was won (only when closed)
 * @param favorite whether the lead is marked as a favourite
 * @param assignedUserId the member responsible, or {@code null}
 * @param lastContactAt the last contact, or {@code null}
 * @param lastContactChannel channel of the last contact, or {@code null}
 * @param notes free notes, or {@code null}
 * @param tags normalised tags (trimmed, lower case, no duplicates), in the order added
 * @param metadata structured metadata (a JSON object)
 * @param lostReason why the lead was lost, when it was
 * @param createdAt creation time
 * @param updatedAt last change
 * @param closedAt when it was closed, exactly when closed
 */
public record Lead(
        LeadId id,
        OrganizationId organizationId,
        String name,
        String email,
        String phone,
        String company,
        String position,
        Stage stage,
        String source,
        Priority priority,
        BigDecimal estimatedValue,
        BigDecimal actualValue,
        boolean closed,
        boolean won,
        boolean favorite,
        UserId assignedUserId,
        Instant lastContactAt,
        String lastContactChannel,
        String notes,
        List<String> tags,
        Map<String, Object> metadata,
        String lostReason,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    /**
     * Checks the required fields and copies the collections.
     *
     * @param id id
     * @param organizationId organization
     * @param name name
     * @param email email
     * @param phone phone
     * @param company company
     * @param position position
     * @param stage stage
     * @param source source
     * @param priority priority
     * @param estimatedValue estimated value
     * @param actualValue actual value
     * @param closed closed flag
     * @param won won flag
     * @param favorite favourite flag
     * @param assignedUserId assignee
     * @param lastContactAt last contact
     * @param lastContactChannel last contact channel
     * @param notes notes
     * @param tags tags
     * @param metadata metadata
     * @param lostReason lost reason
     * @param createdAt creation time
     * @param updatedAt update time
     * @param closedAt close time
     */
    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(priority, "priority");
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /**
     * Whether the lead is open and in that stage's column.
     *
     * @return true when the stage is not {@link Stage#CLOSED}
     */
    public boolean open() {
        return !closed;
    }

    /**
     * A copy in another pipeline state; the caller keeps the invariants.
     *
     * @param stage new stage
     * @param closed closed flag
     * @param won won flag
     * @param actualValue actual value
     * @param lostReason lost reason
     * @param closedAt close time
     * @return the copy
     */
    public Lead withPipeline(Stage stage, boolean closed, boolean won, BigDecimal actualValue, String lostReason,
            Instant closedAt) {
        return new Lead(id, organizationId, name, email, phone, company, position, stage, source, priority,
                estimatedValue, actualValue, closed, won, favorite, assignedUserId, lastContactAt, lastContactChannel,
                notes, tags, metadata, lostReason, createdAt, updatedAt, closedAt);
    }

    /**
     * A copy with another favourite flag.
     *
     * @param favorite the flag
     * @return the copy
     */
    public Lead withFavorite(boolean favorite) {
        return new Lead(id, organizationId, name, email, phone, company, position, stage, source, priority,
                estimatedValue, actualValue, closed, won, favorite, assignedUserId, lastContactAt, lastContactChannel,
                notes, tags, metadata, lostReason, createdAt, updatedAt, closedAt);
    }

    /**
     * A copy with another assignee.
     *
     * @param assignedUserId the member, or {@code null}
     * @return the copy
     */
    public Lead withAssignedUserId(UserId assignedUserId) {
        return new Lead(id, organizationId, name, email, phone, company, position, stage, source, priority,
                estimatedValue, actualValue, closed, won, favorite, assignedUserId, lastContactAt, lastContactChannel,
                notes, tags, metadata, lostReason, createdAt, updatedAt, closedAt);
    }

    /**
     * A copy with other tags.
     *
     * @param tags the tags, already normalised
     * @return the copy
     */
    public Lead withTags(List<String> tags) {
        return new Lead(id, organizationId, name, email, phone, company, position, stage, source, priority,
                estimatedValue, actualValue, closed, won, favorite, assignedUserId, lastContactAt, lastContactChannel,
                notes, tags, metadata, lostReason, createdAt, updatedAt, closedAt);
    }

    /**
     * A copy with other descriptive fields (what {@link LeadPatch} changes).
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
     * @param metadata metadata
     * @return the copy
     */
    public Lead withDetails(String name, String email, String phone, String company, String position, String source,
            Priority priority, BigDecimal estimatedValue, String notes, Map<String, Object> metadata) {
        return new Lead(id, organizationId, name, email, phone, company, position, stage, source, priority,
                estimatedValue, actualValue, closed, won, favorite, assignedUserId, lastContactAt, lastContactChannel,
                notes, tags, metadata, lostReason, createdAt, updatedAt, closedAt);
    }
}
