package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * The organization's leads and their way through the pipeline. From {@code scope.leads()}.
 *
 * <p>Permissions: every member may read ({@code lead.read}); members, admins and owners may create
 * ({@code lead.create}), change, move and close ({@code lead.update}) and assign ({@code lead.assign}) leads;
 * deleting ({@code lead.delete}) is for admins and owners, and for a member only on leads assigned to them.
 * Viewers only read. API keys may be granted each of these actions.
 *
 * <p>Every change writes a {@code lead_activities} row in the same transaction (see
 * {@link dev.lovedcrm.crm.activity.Activities}) and publishes an event. A lead of another organization is
 * never visible: its id answers {@code lead.not_found}, as an id that does not exist. Every method checks its
 * input before touching the database and throws a {@link dev.lovedcrm.crm.error.ValidationException} naming the
 * field; a failed call leaves everything as it was.
 */
public interface Leads {

    /** Page size of {@link #list()}. */
    int DEFAULT_PAGE_SIZE = 20;

    /** The largest page of leads. */
    int MAX_PAGE_SIZE = 100;

    /**
     * Creates a lead in stage {@link Stage#LEAD}. Publishes {@code lead.created}; writes a {@code created} activity.
     *
     * @param lead the input
     * @return the stored lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code name}, {@code email}, {@code phone},
     *     {@code company}, {@code position}, {@code source}, {@code estimatedValue}, {@code notes}, {@code tags},
     *     {@code metadata} or {@code assignedUserId} (not an active member)
     * @throws dev.lovedcrm.crm.error.PlanLimitExceededException with code {@code plan.lead_limit_reached} when
     *     the organization's plan allows no more leads; the message names the cheapest plan that does
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code lead.create}
     */
    Lead create(NewLead lead);

    /**
     * {@link #create(NewLead)}, made safe to retry: the first call with a key creates the lead; a later call with the
     * same key and the same lead (compared after normalisation) within 24 hours creates nothing and returns that
     * lead as it is now, with no second activity or event, even when the calls run at the same time (the later ones
     * wait for the first and return its lead). After 24 hours the key may create a new lead. Keys are per
     * organization. A key's first lead that has been deleted since answers {@code lead.not_found}.
     *
     * <pre>{@code
     * Lead lead = scope.leads().create(NewLead.named("Maria"), request.header("Idempotency-Key"));
     * }</pre>
     *
     * @param lead the input
     * @param idempotencyKey 1–255 printable ASCII characters (spaces inside only), e.g. a UUID the client made for
     *     this request; {@code null} for none (as {@link #create(NewLead)})
     * @return the stored lead, or the lead the key created first
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code idempotencyKey}, or a field as
     *     {@link #create(NewLead)}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code lead.idempotency_key_reused} when the key
     *     created another lead (a different payload) within the last 24 hours
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found} when the key's lead has been
     *     deleted since
     * @throws dev.lovedcrm.crm.error.PlanLimitExceededException as {@link #create(NewLead)} for a new lead (a
     *     replay returns the existing lead whatever the quota)
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code lead.create}
     */
    Lead create(NewLead lead, String idempotencyKey);

    /**
     * One lead.
     *
     * @param id the lead
     * @return the lead
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead get(LeadId id);

    /**
     * The first {@value #DEFAULT_PAGE_SIZE} leads, newest first.
     *
     * @return the page
     */
    Page<Lead> list();

    /**
     * A page of leads, newest first by creation.
     *
     * @param page at most {@value #MAX_PAGE_SIZE} leads after a cursor
     * @return the page
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code limit} or {@code cursor}
     */
    Page<Lead> list(PageRequest page);

    /**
     * A page of leads in an order, keyset-paged on ({@code created_at}, {@code id}) or ({@code updated_at},
     * {@code id}); a cursor of one order is refused by the other.
     *
     * @param order the order
     * @param page at most {@value #MAX_PAGE_SIZE} leads after a cursor
     * @return the page
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code order}, {@code limit} or {@code cursor}
     */
    Page<Lead> list(LeadOrder order, PageRequest page);

    /**
     * Searches the organization's leads by name, email and company (typo-tolerant: "Mraia" finds "Maria") and by
     * phone digits ("11 98765" finds {@code +5511987654321}), best match first, keyset-paged on (score, id).
     * Deleted leads are never found.
     *
     * @param query at least 3 characters besides white space, at most 200 (white space collapsed)
     * @param page at most {@value #MAX_PAGE_SIZE} results after a cursor of an earlier page of this search
     * @return the page
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code query}, {@code page}, {@code limit} or
     *     {@code cursor}
     */
    Page<dev.lovedcrm.crm.lead.LeadSearchResult> search(String query, PageRequest page);

    /**
     * Changes the fields the patch gives. Publishes {@code lead.updated} when anything changed; writes one
     * {@code field_changed} activity per changed field with the old and new value.
     *
     * @param id the lead
     * @param patch the changes
     * @return the lead after the change
     * @throws dev.lovedcrm.crm.error.ValidationException naming each field at fault
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead patch(LeadId id, LeadPatch patch);

    /**
     * Deletes a lead. Admins and owners may delete any lead, members only leads assigned to them, viewers none.
     * The lead disappears from every read; its activity log (with a final {@code deleted} row) stays readable
     * through {@link dev.lovedcrm.crm.activity.Activities}. Publishes {@code lead.deleted}.
     *
     * @param id the lead
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException with code {@code permission.denied}
     */
    void delete(LeadId id);

    /**
     * Marks a lead as a favourite (no change when it is one). Publishes {@code lead.updated}.
     *
     * @param id the lead
     * @return the lead
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead favorite(LeadId id);

    /**
     * Removes the favourite mark (no change when there is none). Publishes {@code lead.updated}.
     *
     * @param id the lead
     * @return the lead
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead unfavorite(LeadId id);

    /**
     * Assigns a lead to an active member. Publishes {@code lead.assigned}; writes an {@code assigned} activity.
     *
     * @param id the lead
     * @param userId the member's user id
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code assignedUserId} when the user is not an
     *     active member of the organization
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead assign(LeadId id, UserId userId);

    /**
     * Removes the assignee. Publishes {@code lead.assigned} (with no assignee); writes an {@code assigned} activity.
     *
     * @param id the lead
     * @return the lead
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead unassign(LeadId id);

    /**
     * Adds tags (normalised: trimmed, lower case, deduplicated); a lead holds at most 20 tags of at most 50
     * characters. Writes one {@code tag_added} activity per new tag; publishes {@code lead.updated}.
     *
     * @param id the lead
     * @param tags the tags to add
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code tags}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead addTags(LeadId id, Collection<String> tags);

    /**
     * Removes tags (compared after the same normalisation). Writes one {@code tag_removed} activity per removed
     * tag; publishes {@code lead.updated}.
     *
     * @param id the lead
     * @param tags the tags to remove
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code tags}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead removeTags(LeadId id, Collection<String> tags);

    /**
     * Moves a lead to an open stage; any move between open stages is allowed. Moving a closed lead to an open
     * stage reopens it (as {@link #reopen}). Publishes {@code lead.stage_changed}; writes a {@code stage_changed}
     * activity.
     *
     * @param id the lead
     * @param stage an open stage
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code stage} for {@link Stage#CLOSED}: close
     *     with {@link #closeAsWon} or {@link #closeAsLost}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead moveToStage(LeadId id, Stage stage);

    /**
     * Closes a lead as won, at its estimated value. Publishes {@code lead.stage_changed} and {@code lead.won}.
     *
     * @param id the lead
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code lead.already_closed}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead closeAsWon(LeadId id);

    /**
     * Closes a lead as won at a value. Publishes {@code lead.stage_changed} and {@code lead.won}; writes
     * {@code stage_changed} and {@code won} activities.
     *
     * @param id the lead
     * @param actualValue the value in BRL (≥ 0, 2 decimals), or {@code null} for the estimated value
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code actualValue}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code lead.already_closed}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead closeAsWon(LeadId id, BigDecimal actualValue);

    /**
     * Closes a lead as lost. Publishes {@code lead.stage_changed} and {@code lead.lost}; writes
     * {@code stage_changed} and {@code lost} activities (with the reason).
     *
     * @param id the lead
     * @param reason why it was lost, 1–1000 characters
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code reason}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code lead.already_closed}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead closeAsLost(LeadId id, String reason);

    /**
     * Reopens a closed lead into an open stage, clearing the won flag, the actual value, the lost reason and the
     * close time. Publishes {@code lead.stage_changed} and {@code lead.reopened}.
     *
     * @param id the lead
     * @param stage the open stage to reopen into
     * @return the lead
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code stage} for {@link Stage#CLOSED}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code lead.not_closed}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found}
     */
    Lead reopen(LeadId id, Stage stage);

    /** The most cards one Kanban column shows per call. */
    int MAX_CARDS_PER_COLUMN = 100;

    /**
     * A page of the leads matching a filter, keyset-paged as {@link #list(LeadOrder, PageRequest)}; a cursor
     * belongs to its order.
     *
     * @param filter the filter ({@link LeadFilter#all()} for every lead)
     * @param order the order
     * @param page at most {@value #MAX_PAGE_SIZE} leads after a cursor
     * @return the page
     * @throws dev.lovedcrm.crm.error.ValidationException naming the filter's component at fault, {@code order},
     *     {@code limit} or {@code cursor}
     */
    Page<Lead> list(LeadFilter filter, LeadOrder order, PageRequest page);

    /**
     * The Kanban in one call: for every stage its first cards (most recently changed first), its exact count, the
     * sum of its estimated values and that sum weighted by the stage's win probability, all under one filter and
     * in one transaction. Without a filter the counts and sums come from totals the store maintains with every
     * change; with one they are counted. Requires {@code lead.read}.
     *
     * @param filter the filter ({@link LeadFilter#all()} for every lead); its {@code stages} leave the other
     *     columns empty
     * @param cardsPerColumn 1–{@value #MAX_CARDS_PER_COLUMN} cards per column
     * @return the board
     * @throws dev.lovedcrm.crm.error.ValidationException naming the filter's component at fault or
     *     {@code cardsPerColumn}
     */
    Kanban kanban(LeadFilter filter, int cardsPerColumn);

    /**
     * The next cards of one Kanban column, after the cursor of the previous page (first page without one).
     * Requires {@code lead.read}.
     *
     * @param stage the column's stage
     * @param filter the Kanban's filter
     * @param page 1–{@value #MAX_CARDS_PER_COLUMN} cards after a cursor of this column
     * @return the cards
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code stage}, the filter's component at fault,
     *     {@code limit} or {@code cursor} (a cursor of another column or list)
     */
    Page<KanbanCard> kanbanColumn(Stage stage, LeadFilter filter, PageRequest page);

    /**
     * The organization's stage settings: labels, win probabilities and rotting thresholds ({@link
     * StageSettings#defaults()} until changed). Requires {@code lead.read}.
     *
     * @return the settings
     */
    StageSettings stageSettings();

    /**
     * Replaces the organization's stage settings (kept in {@code organizations.settings} under {@code pipeline}; the
     * other settings stay). Requires {@code organization.update} (owners and admins). Publishes
     * {@code organization.updated} when the event type exists for it, else nothing.
     *
     * @param settings the new settings
     * @return the settings as stored
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code stages.<code>.label} (1–50 characters, one
     *     line), {@code stages.<code>.winProbability} (0–100) or {@code stages.<code>.rottingDays} (1–3650, none
     *     for {@code closed})
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code organization.update}
     */
    StageSettings updateStageSettings(StageSettings settings);

    /**
     * Moves the selected leads to an open stage, as {@link #moveToStage} does for each (closed leads are reopened
     * there), in batches of 200 leads per transaction. Writes the same activities and events per lead.
     *
     * @param selection a filter or at most 1 000 ids; ids of no lead of the organization are counted as not found
     * @param stage an open stage ({@link Stage#CLOSED} is refused: close leads one by one)
     * @return the counts
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code selection}, {@code ids}, a filter component
     *     or {@code stage}
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code lead.update}
     */
    BulkResult bulkMove(LeadSelection selection, Stage stage);

    /**
     * Assigns the selected leads to an active member, or unassigns them, as {@link #assign} does for each.
     *
     * @param selection a filter or at most 1 000 ids
     * @param userId the member, or {@code null} to unassign
     * @return the counts
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code selection}, {@code ids}, a filter component
     *     or {@code assignedUserId} (not an active member)
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code lead.assign}
     */
    BulkResult bulkAssign(LeadSelection selection, UserId userId);

    /**
     * Adds and removes tags on the selected leads, as {@link #addTags} and {@link #removeTags} do; a lead that would
     * carry more tags than allowed is left as it was and counted as skipped.
     *
     * @param selection a filter or at most 1 000 ids
     * @param add tags to add (may be empty)
     * @param remove tags to remove (may be empty; not both)
     * @return the counts
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code selection}, {@code ids}, a filter component,
     *     {@code add} or {@code remove}
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code lead.update}
     */
    BulkResult bulkTag(LeadSelection selection, Collection<String> add, Collection<String> remove);

    /**
     * Deletes the selected leads, as {@link #delete} does for each: admins and owners any lead, members only leads
     * assigned to them (the others are left as they were and counted as skipped).
     *
     * @param selection a filter or at most 1 000 ids
     * @return the counts
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code selection}, {@code ids} or a filter component
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException without {@code lead.delete}
     */
    BulkResult bulkDelete(LeadSelection selection);

    /**
     * Streams the leads matching a filter as CSV (RFC 4180, CRLF line ends, a header row of English column names:
     * {@code id, name, email, phone, company, position, stage, source, priority, estimated_value, actual_value,
     * closed, won, lost_reason, favorite, assigned_user_id, tags, notes, created_at, updated_at, closed_at}), newest
     * first, read in keyset pages so no list is held in memory. Cells starting with {@code =}, {@code +}, {@code -},
     * {@code @}, tab or CR are prefixed with a single quote. The writer is flushed, not closed.
     *
     * @param filter the filter ({@link LeadFilter#all()} for every lead)
     * @param out where to write (UTF-8 recommended; see {@link #exportCsv(LeadFilter, java.io.OutputStream)})
     * @return how many leads were written
     * @throws dev.lovedcrm.crm.error.ValidationException naming a filter component or {@code out}
     * @throws java.io.UncheckedIOException when the writer fails
     */
    long exportCsv(LeadFilter filter, java.io.Writer out);

    /**
     * {@link #exportCsv(LeadFilter, java.io.Writer)} as UTF-8 (without a byte order mark) into a stream, flushed,
     * not closed.
     *
     * @param filter the filter
     * @param out where to write
     * @return how many leads were written
     * @throws dev.lovedcrm.crm.error.ValidationException naming a filter component or {@code out}
     * @throws java.io.UncheckedIOException when the stream fails
     */
    long exportCsv(LeadFilter filter, java.io.OutputStream out);
}
