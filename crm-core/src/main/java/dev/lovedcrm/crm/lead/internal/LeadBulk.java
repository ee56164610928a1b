package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.lead.BulkResult;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.LeadSelection;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk move, assign, tag and delete over a {@link LeadSelection}, in batches of {@value #BATCH} leads per
 * transaction. A filter selection is walked in keyset order over ({@code created_at}, {@code id}), which no bulk
 * change alters, so every matching lead is seen once; an id list is cut into batches in the order given. Each lead
 * is locked and changed as the single-lead operation of {@link DefaultLeads} would (the pipeline state through
 * {@link Pipeline}), with the same activities and events. Input is checked before any database work; a batch
 * that fails rolls back alone, earlier batches stay committed.
 */
public final class LeadBulk {

    /** Leads per transaction. */
    public static final int BATCH = 200;

    private enum Outcome { CHANGED, UNCHANGED, SKIPPED }

    @FunctionalInterface
    private interface PerLead {
        Outcome apply(TenantTransaction tx, Principal actor, Lead lead);
    }

    private final TenantWork work;

    /**
     * A bulk worker for a scope.
     *
     * @param work the scope's unit of work
     */
    public LeadBulk(TenantWork work) {
        this.work = work;
    }

    /**
     * Moves the selected leads to an open stage (closed ones are reopened there).
     *
     * @param selection the leads
     * @param stage an open stage
     * @return the counts
     */
    public BulkResult move(LeadSelection selection, Stage stage) {
        LeadSelection checked = check(selection);
        Validation.requireNonNull("stage", stage);
        if (!stage.isOpen()) {
            throw ValidationException.of("stage", "must be an open stage: close leads one by one with closeAsWon or closeAsLost");
        }
        return each(checked, Action.LEAD_UPDATE, null, (tx, actor, lead) -> {
            if (lead.stage() == stage) {
                return Outcome.UNCHANGED;
            }
            new LeadChanges(tx, actor, true).move(lead, stage);
            return Outcome.CHANGED;
        });
    }

    /**
     * Assigns the selected leads to an active member, or unassigns them.
     *
     * @param selection the leads
     * @param userId the member, or {@code null} to unassign
     * @return the counts
     */
    public BulkResult assign(LeadSelection selection, UserId userId) {
        LeadSelection checked = check(selection);
        PerLead assign = (tx, actor, lead) -> {
            if (Objects.equals(lead.assignedUserId(), userId)) {
                return Outcome.UNCHANGED;
            }
            new LeadChanges(tx, actor, true).assign(lead, userId);
            return Outcome.CHANGED;
        };
        return each(checked, Action.LEAD_ASSIGN, tx -> {
            if (userId != null) {
                boolean active = tx.repository(MemberRepository.class).findByUser(tx.organizationId(), userId)
                        .filter(Member::active).isPresent();
                if (!active) {
                    throw ValidationException.of("assignedUserId", "must be an active member of the organization");
                }
            }
        }, assign);
    }

    /**
     * Adds and removes tags on the selected leads; a lead that would carry more than the allowed tags is skipped.
     *
     * @param selection the leads
     * @param add tags to add
     * @param remove tags to remove
     * @return the counts
     */
    public BulkResult tag(LeadSelection selection, Collection<String> add, Collection<String> remove) {
        LeadSelection checked = check(selection);
        LeadFields fields = new LeadFields();
        Validation.requireNonNull("add", add);
        Validation.requireNonNull("remove", remove);
        List<String> adding = fields.tags("add", add, LeadFields.MAX_TAGS);
        List<String> removing = fields.tags("remove", remove, LeadFields.MAX_TAGS);
        fields.check(!adding.isEmpty() || !removing.isEmpty(), "add", "add or remove must name a tag");
        for (String tag : adding) {
            fields.check(!removing.contains(tag), "remove", "must not name a tag being added: " + tag);
        }
        fields.throwIfInvalid();
        return each(checked, Action.LEAD_UPDATE, null, (tx, actor, lead) -> {
            Set<String> all = new LinkedHashSet<>(lead.tags());
            List<String> removed = new ArrayList<>();
            for (String tag : removing) {
                if (all.remove(tag)) {
                    removed.add(tag);
                }
            }
            List<String> added = new ArrayList<>();
            for (String tag : adding) {
                if (all.add(tag)) {
                    added.add(tag);
                }
            }
            if (added.isEmpty() && removed.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            if (all.size() > LeadFields.MAX_TAGS) {
                return Outcome.SKIPPED;
            }
            new LeadChanges(tx, actor, true).retag(lead, new ArrayList<>(all), added, removed);
            return Outcome.CHANGED;
        });
    }

    /**
     * Deletes the selected leads: admins and owners any, members those assigned to them (others skipped).
     *
     * @param selection the leads
     * @return the counts
     */
    public BulkResult delete(LeadSelection selection) {
        LeadSelection checked = check(selection);
        return each(checked, Action.LEAD_DELETE, null, (tx, actor, lead) -> {
            if (actor instanceof MemberPrincipal member
                    && !AccessPolicy.canDeleteLead(member.role(), member.userId().equals(lead.assignedUserId()))) {
                return Outcome.SKIPPED;
            }
            new LeadChanges(tx, actor, true).delete(lead);
            return Outcome.CHANGED;
        });
    }

    private static LeadSelection check(LeadSelection selection) {
        if (selection == null) {
            throw ValidationException.of("selection", "is required: LeadSelection.of(filter) or LeadSelection.ids(ids)");
        }
        return selection.byFilter() ? LeadSelection.of(LeadFilters.check(selection.filter())) : selection;
    }

    private BulkResult each(LeadSelection selection, Action action,
            java.util.function.Consumer<TenantTransaction> precheck, PerLead change) {
        int[] counts = new int[4];
        if (selection.byFilter()) {
            LeadFilter filter = selection.filter();
            Instant[] afterAt = {null};
            LeadId[] afterId = {null};
            boolean more = true;
            while (more) {
                more = work.run(action, tx -> {
                    Principal actor = actor(tx, action);
                    if (precheck != null) {
                        precheck.accept(tx);
                    }
                    Map<dev.lovedcrm.crm.lead.Stage, Instant> rotting = LeadBoard.rottingBefore(
                            StageSettingsJson.read(leads(tx).stageSettings(tx.organizationId())), tx.now());
                    List<Lead> rows = leads(tx).listFiltered(tx.organizationId(), false, filter, rotting, afterAt[0],
                            afterId[0], BATCH);
                    for (Lead row : rows) {
                        apply(tx, actor, row.id(), change, counts);
                    }
                    if (!rows.isEmpty()) {
                        Lead last = rows.get(rows.size() - 1);
                        afterAt[0] = last.createdAt();
                        afterId[0] = last.id();
                    }
                    return rows.size() == BATCH;
                });
            }
        } else {
            List<LeadId> ids = selection.ids();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<LeadId> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                work.execute(action, tx -> {
                    Principal actor = actor(tx, action);
                    if (precheck != null) {
                        precheck.accept(tx);
                    }
                    for (LeadId id : batch) {
                        apply(tx, actor, id, change, counts);
                    }
                });
            }
        }
        return new BulkResult(counts[0], counts[1], counts[2], counts[3]);
    }

    private static void apply(TenantTransaction tx, Principal actor, LeadId id, PerLead change, int[] counts) {
        Optional<Lead> lead = leads(tx).lock(tx.organizationId(), id);
        if (lead.isEmpty()) {
            counts[2]++;
            return;
        }
        switch (change.apply(tx, actor, lead.get())) {
            case CHANGED -> counts[0]++;
            case UNCHANGED -> counts[1]++;
            default -> counts[3]++;
        }
    }

    private Principal actor(TenantTransaction tx, Action action) {
        return action == Action.LEAD_DELETE && work.principal() instanceof MemberPrincipal
                ? tx.lockedMember(action) : tx.actor(action);
    }

    private static LeadRepository leads(TenantTransaction tx) {
        return tx.repository(LeadRepository.class);
    }
}
