package dev.lovedcrm.crm.activity.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.activity.Activities;
import dev.lovedcrm.crm.activity.Activity;
import dev.lovedcrm.crm.activity.ActivityFilter;
import dev.lovedcrm.crm.activity.ActivityId;
import dev.lovedcrm.crm.activity.ActivityType;
import dev.lovedcrm.crm.activity.spi.ActivityRepository;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The {@link Activities} service of one tenant scope: reads only. */
public final class DefaultActivities implements Activities {

    private static final String LEAD_TIMELINE = "lead-activity";
    private static final String ORGANIZATION_TIMELINE = "activity";

    private final TenantWork work;

    public DefaultActivities(TenantWork work) {
        this.work = work;
    }

    @Override
    public Page<Activity> forLead(LeadId leadId, ActivityFilter filter, PageRequest page) {
        Validation.requireNonNull("leadId", leadId);
        List<String> types = types(filter);
        Position after = position(LEAD_TIMELINE, page);
        return work.run(Action.LEAD_READ, tx -> {
            if (!activities(tx).leadExists(tx.organizationId(), leadId)) {
                throw NotFoundException.of("lead", leadId);
            }
            return Page.fromRows(activities(tx).forLead(tx.organizationId(), leadId, types, after.at(), after.id(),
                    page.limit() + 1), page.limit(), a -> Cursor.of(LEAD_TIMELINE, a.createdAt(), a.id()));
        });
    }

    @Override
    public Page<Activity> forOrganization(ActivityFilter filter, PageRequest page) {
        List<String> types = types(filter);
        Position after = position(ORGANIZATION_TIMELINE, page);
        return work.run(Action.LEAD_READ, tx -> Page.fromRows(
                activities(tx).forOrganization(tx.organizationId(), types, after.at(), after.id(), page.limit() + 1),
                page.limit(), a -> Cursor.of(ORGANIZATION_TIMELINE, a.createdAt(), a.id())));
    }

    private static List<String> types(ActivityFilter filter) {
        Validation.requireNonNull("filter", filter);
        return filter.types().stream().map(ActivityType::dbValue).sorted().toList();
    }

    /** The keyset position of a page request: nulls for the first page. */
    private record Position(Instant at, ActivityId id) {
    }

    private static Position position(String tag, PageRequest page) {
        Validation.requireNonNull("page", page);
        if (page.limit() > MAX_PAGE_SIZE) {
            throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page.after().isEmpty()) {
            return new Position(null, null);
        }
        Cursor cursor = page.after().get();
        if (!tag.equals(cursor.key(0, 3))) {
            throw ValidationException.of("cursor", "does not belong to this list");
        }
        try {
            return new Position(Instant.parse(cursor.key(1, 3)), new ActivityId(UUID.fromString(cursor.key(2, 3))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ValidationException.of("cursor", "is not a valid cursor");
        }
    }

    private static ActivityRepository activities(TenantTransaction tx) {
        return tx.repository(ActivityRepository.class);
    }
}
