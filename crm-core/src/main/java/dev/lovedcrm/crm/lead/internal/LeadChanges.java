package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.ApiKeyPrincipal;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.activity.Activity;
import dev.lovedcrm.crm.activity.ActivityId;
import dev.lovedcrm.crm.activity.ActivityType;
import dev.lovedcrm.crm.activity.spi.ActivityRepository;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One locked lead's changes as the single-lead and the bulk operations both make them, in the caller's
 * transaction: the activity rows (a bulk change marks them {@code "bulk": true}), the update and the event.
 */
final class LeadChanges {

    private final TenantTransaction tx;
    private final Principal actor;
    private final boolean bulk;

    LeadChanges(TenantTransaction tx, Principal actor, boolean bulk) {
        this.tx = tx;
        this.actor = actor;
        this.bulk = bulk;
    }

    /** Moves the lead to another open stage; a closed lead is reopened there. */
    Lead move(Lead lead, Stage stage) {
        Lead stored = leads().update(Pipeline.open(lead, stage));
        stageChanged(lead, stored);
        if (lead.closed()) {
            reopened(lead, stored);
        }
        return stored;
    }

    /** Gives the lead another assignee, or none. */
    Lead assign(Lead lead, UserId userId) {
        log(lead, ActivityType.ASSIGNED, userId == null ? "unassigned" : "assigned",
                text(lead.assignedUserId()), text(userId), Map.of());
        Lead stored = leads().update(lead.withAssignedUserId(userId));
        Map<String, Object> data = eventData(stored);
        if (userId != null) {
            data.put("assignedUserId", userId.toString());
        }
        if (lead.assignedUserId() != null) {
            data.put("previousAssignedUserId", lead.assignedUserId().toString());
        }
        tx.publish(EventType.LEAD_ASSIGNED, data);
        return stored;
    }

    /** Stores the lead's new tags, logging each tag removed and added. */
    Lead retag(Lead lead, List<String> tags, List<String> added, List<String> removed) {
        for (String tag : removed) {
            log(lead, ActivityType.TAG_REMOVED, "tag removed", tag, null, Map.of());
        }
        for (String tag : added) {
            log(lead, ActivityType.TAG_ADDED, "tag added", null, tag, Map.of());
        }
        Lead stored = leads().update(lead.withTags(tags));
        tx.publish(EventType.LEAD_UPDATED, eventData(stored, "fields", List.of("tags")));
        return stored;
    }

    /** Marks the lead deleted (its timeline stays). */
    void delete(Lead lead) {
        log(lead, ActivityType.DELETED, "lead deleted", lead.name(), null, Map.of());
        leads().markDeleted(tx.organizationId(), lead.id(), tx.now());
        tx.publish(EventType.LEAD_DELETED, eventData(lead));
    }

    void stageChanged(Lead before, Lead after) {
        log(before, ActivityType.STAGE_CHANGED, "stage changed from " + before.stage().label() + " to "
                + after.stage().label(), before.stage().dbValue(), after.stage().dbValue(), Map.of());
        Map<String, Object> data = eventData(after, "stage", after.stage().dbValue());
        data.put("previousStage", before.stage().dbValue());
        tx.publish(EventType.LEAD_STAGE_CHANGED, data);
    }

    void reopened(Lead before, Lead after) {
        log(before, ActivityType.REOPENED, "reopened", before.won() ? "won" : "lost", after.stage().dbValue(), Map.of());
        tx.publish(EventType.LEAD_REOPENED, eventData(after, "stage", after.stage().dbValue()));
    }

    /** Appends an activity row for the acting principal: a member's user id, or an API key in the metadata. */
    void log(Lead lead, ActivityType type, String description, String oldValue, String newValue,
            Map<String, Object> details) {
        Map<String, Object> metadata = new LinkedHashMap<>(details);
        if (bulk) {
            metadata.put("bulk", true);
        }
        UserId user = null;
        if (actor instanceof MemberPrincipal member) {
            user = member.userId();
        } else if (actor instanceof ApiKeyPrincipal key) {
            metadata.put("actorKind", "api_key");
            metadata.put("apiKeyId", key.keyId().toString());
        }
        tx.repository(ActivityRepository.class).insert(new Activity(ActivityId.generate(), tx.organizationId(),
                lead.id(), type, description, oldValue, newValue, user, metadata, tx.now()));
    }

    /** An event's data: the lead's id, then the given name/value pairs. */
    static Map<String, Object> eventData(Lead lead, Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leadId", lead.id().toString());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    /** A value as the activity log writes it: amounts with two decimals. */
    static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(2).toPlainString();
        }
        return value == null ? null : value.toString();
    }

    private LeadRepository leads() {
        return tx.repository(LeadRepository.class);
    }
}
