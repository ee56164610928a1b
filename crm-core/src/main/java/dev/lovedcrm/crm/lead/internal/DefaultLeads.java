package dev.lovedcrm.crm.lead.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.activity.ActivityType;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.Entitlements;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadOrder;
import dev.lovedcrm.crm.lead.LeadPatch;
import dev.lovedcrm.crm.lead.Leads;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@link Leads} service of one tenant scope. Every change locks the lead's row, derives the new state, writes
 * it, appends its activity rows and publishes its events, all in one transaction. The pipeline state
 * ({@code stage}, {@code closed}, {@code won}, {@code closedAt}, {@code actualValue}, {@code lostReason}) changes
 * only through {@link Pipeline}, which keeps it consistent (a database CHECK backs it up). Lock order: the
 * acting member (deletes only), the organization (creates on a plan with a quota), then the lead.
 */
public final class DefaultLeads implements Leads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID NONE = new UUID(0, 0);
    /** What a patch is checked against before any database work. */
    private static final Lead PLACEHOLDER = new Lead(new LeadId(NONE), new OrganizationId(NONE), "-", null, null, null,
            null, Stage.LEAD, LeadFields.DEFAULT_SOURCE, Priority.MEDIUM, null, null, false, false, false, null, null,
            null, null, List.of(), Map.of(), null, null, null, null);

    private final TenantWork work;

    public DefaultLeads(TenantWork work) {
        this.work = work;
    }

    @Override
    public Lead create(NewLead input) {
        return create(input, null);
    }

    @Override
    public Lead create(NewLead input, String idempotencyKey) {
        Validation.requireNonNull("lead", input);
        LeadIdempotency.checkKey(idempotencyKey);
        LeadFields fields = new LeadFields();
        String name = fields.name(input.name());
        String email = fields.email(input.email());
        String phone = fields.phone(input.phone());
        String company = fields.text("company", input.company(), 255);
        String position = fields.text("position", input.position(), 255);
        String source = fields.source(input.source());
        BigDecimal value = fields.money("estimatedValue", input.estimatedValue(), 10);
        String notes = fields.notes(input.notes());
        List<String> tags = fields.tags("tags", input.tags(), LeadFields.MAX_TAGS);
        Map<String, Object> metadata = fields.metadata(input.metadata());
        fields.throwIfInvalid();
        Priority priority = input.priority() == null ? Priority.MEDIUM : input.priority();
        LeadId id = LeadId.generate();
        String fingerprint = idempotencyKey == null ? null : LeadIdempotency.fingerprint(name, email, phone, company,
                position, source, priority, value, notes, tags, metadata, input.assignedUserId());
        return work.run(Action.LEAD_CREATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_CREATE);
            if (idempotencyKey != null) {
                Optional<Lead> first = LeadIdempotency.claim(tx, idempotencyKey, fingerprint, id);
                if (first.isPresent()) {
                    return first.get();
                }
            }
            if (input.assignedUserId() != null) {
                requireActiveMember(tx, input.assignedUserId());
            }
            new Entitlements(tx).requireRoomForLeads(1);
            Instant now = tx.now();
            Lead lead = leads(tx).insert(new Lead(id, tx.organizationId(), name, email, phone, company,
                    position, Stage.LEAD, source, priority, value, null, false, false, false, input.assignedUserId(),
                    null, null, notes, tags, metadata, null, now, now, null));
            log(tx, actor, lead, ActivityType.CREATED, "lead created", null, lead.stage().dbValue(), Map.of());
            tx.publish(EventType.LEAD_CREATED, LeadChanges.eventData(lead, "stage", lead.stage().dbValue()));
            return lead;
        });
    }

    @Override
    public Lead get(LeadId id) {
        Validation.requireNonNull("leadId", id);
        return work.run(Action.LEAD_READ, tx -> leads(tx).find(tx.organizationId(), id).orElseThrow(() -> notFound(id)));
    }

    @Override
    public Page<Lead> list() {
        return list(LeadOrder.CREATED_DESC, PageRequest.first(DEFAULT_PAGE_SIZE));
    }

    @Override
    public Page<Lead> list(PageRequest page) {
        return list(LeadOrder.CREATED_DESC, page);
    }

    @Override
    public Page<Lead> list(LeadOrder order, PageRequest page) {
        Validation.requireNonNull("order", order);
        Validation.requireNonNull("page", page);
        Keyset after = Keyset.of(order.cursorKey(), page, MAX_PAGE_SIZE);
        LeadId afterId = after.id() == null ? null : new LeadId(after.id());
        Function<Lead, Instant> key = order == LeadOrder.CREATED_DESC ? Lead::createdAt : Lead::updatedAt;
        return work.run(Action.LEAD_READ, tx -> {
            List<Lead> rows = order == LeadOrder.CREATED_DESC
                    ? leads(tx).listByCreated(tx.organizationId(), after.at(), afterId, page.limit() + 1)
                    : leads(tx).listByUpdated(tx.organizationId(), after.at(), afterId, page.limit() + 1);
            return Page.fromRows(rows, page.limit(), l -> Keyset.cursor(order.cursorKey(), key.apply(l), l.id()));
        });
    }

    @Override
    public Page<dev.lovedcrm.crm.lead.LeadSearchResult> search(String query, PageRequest page) {
        return new LeadSearch(work).search(query, page);
    }

    @Override
    public Lead patch(LeadId id, LeadPatch patch) {
        Validation.requireNonNull("leadId", id);
        Validation.requireNonNull("patch", patch);
        patch.applyTo(PLACEHOLDER);
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead before = locked(tx, id);
            Lead after = patch.applyTo(before);
            List<String> changed = new ArrayList<>();
            for (String field : patch.fields()) {
                String old = text(field, before);
                String now = text(field, after);
                if (!Objects.equals(old, now)) {
                    changed.add(field);
                    log(tx, actor, before, ActivityType.FIELD_CHANGED, field + " changed", old, now, Map.of("field", field));
                }
            }
            if (changed.isEmpty()) {
                return before;
            }
            Lead stored = leads(tx).update(after);
            tx.publish(EventType.LEAD_UPDATED, LeadChanges.eventData(stored, "fields", changed));
            return stored;
        });
    }

    @Override
    public void delete(LeadId id) {
        Validation.requireNonNull("leadId", id);
        work.execute(Action.LEAD_DELETE, tx -> {
            Principal actor = work.principal() instanceof MemberPrincipal
                    ? tx.lockedMember(Action.LEAD_DELETE) : tx.actor(Action.LEAD_DELETE);
            Lead lead = locked(tx, id);
            if (actor instanceof MemberPrincipal member
                    && !AccessPolicy.canDeleteLead(member.role(), member.userId().equals(lead.assignedUserId()))) {
                throw new PermissionDeniedException("permission.denied",
                        "a " + member.role().dbValue() + " may delete only leads assigned to them");
            }
            new LeadChanges(tx, actor, false).delete(lead);
        });
    }

    @Override
    public Lead favorite(LeadId id) {
        return setFavorite(id, true);
    }

    @Override
    public Lead unfavorite(LeadId id) {
        return setFavorite(id, false);
    }

    private Lead setFavorite(LeadId id, boolean favorite) {
        Validation.requireNonNull("leadId", id);
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = locked(tx, id);
            if (lead.favorite() == favorite) {
                return lead;
            }
            log(tx, actor, lead, ActivityType.FIELD_CHANGED, "favorite changed", String.valueOf(lead.favorite()),
                    String.valueOf(favorite), Map.of("field", "favorite"));
            Lead stored = leads(tx).update(lead.withFavorite(favorite));
            tx.publish(EventType.LEAD_UPDATED, LeadChanges.eventData(stored, "fields", List.of("favorite")));
            return stored;
        });
    }

    @Override
    public Lead assign(LeadId id, UserId userId) {
        Validation.requireNonNull("leadId", id);
        Validation.requireNonNull("assignedUserId", userId);
        return setAssignee(id, userId);
    }

    @Override
    public Lead unassign(LeadId id) {
        Validation.requireNonNull("leadId", id);
        return setAssignee(id, null);
    }

    private Lead setAssignee(LeadId id, UserId userId) {
        return work.run(Action.LEAD_ASSIGN, tx -> {
            Principal actor = tx.actor(Action.LEAD_ASSIGN);
            Lead lead = locked(tx, id);
            if (userId != null) {
                requireActiveMember(tx, userId);
            }
            if (Objects.equals(lead.assignedUserId(), userId)) {
                return lead;
            }
            return new LeadChanges(tx, actor, false).assign(lead, userId);
        });
    }

    @Override
    public Lead addTags(LeadId id, Collection<String> tags) {
        Validation.requireNonNull("leadId", id);
        Validation.requireNonNull("tags", tags);
        List<String> adding = normalisedTags(tags);
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = locked(tx, id);
            Set<String> all = new LinkedHashSet<>(lead.tags());
            List<String> added = new ArrayList<>();
            for (String tag : adding) {
                if (all.add(tag)) {
                    added.add(tag);
                }
            }
            if (all.size() > LeadFields.MAX_TAGS) {
                throw ValidationException.of("tags", "must hold at most " + LeadFields.MAX_TAGS + " tags");
            }
            if (added.isEmpty()) {
                return lead;
            }
            return new LeadChanges(tx, actor, false).retag(lead, new ArrayList<>(all), added, List.of());
        });
    }

    @Override
    public Lead removeTags(LeadId id, Collection<String> tags) {
        Validation.requireNonNull("leadId", id);
        Validation.requireNonNull("tags", tags);
        List<String> removing = normalisedTags(tags);
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = locked(tx, id);
            List<String> kept = new ArrayList<>(lead.tags());
            List<String> removed = new ArrayList<>();
            for (String tag : removing) {
                if (kept.remove(tag)) {
                    removed.add(tag);
                }
            }
            if (removed.isEmpty()) {
                return lead;
            }
            return new LeadChanges(tx, actor, false).retag(lead, kept, List.of(), removed);
        });
    }

    @Override
    public Lead moveToStage(LeadId id, Stage stage) {
        Validation.requireNonNull("leadId", id);
        requireOpenStage(stage);
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = locked(tx, id);
            if (lead.stage() == stage) {
                return lead;
            }
            return new LeadChanges(tx, actor, false).move(lead, stage);
        });
    }

    @Override
    public Lead closeAsWon(LeadId id) {
        return closeAsWon(id, null);
    }

    @Override
    public Lead closeAsWon(LeadId id, BigDecimal actualValue) {
        Validation.requireNonNull("leadId", id);
        LeadFields fields = new LeadFields();
        BigDecimal value = fields.money("actualValue", actualValue, 13);
        fields.throwIfInvalid();
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = requireOpen(locked(tx, id));
            Lead stored = leads(tx).update(Pipeline.won(lead, value, tx.now()));
            new LeadChanges(tx, actor, false).stageChanged(lead, stored);
            log(tx, actor, lead, ActivityType.WON, "closed as won", lead.stage().dbValue(), LeadChanges.text(stored.actualValue()), Map.of());
            Map<String, Object> data = LeadChanges.eventData(stored);
            if (stored.actualValue() != null) {
                data.put("actualValue", stored.actualValue().toPlainString());
            }
            tx.publish(EventType.LEAD_WON, data);
            return stored;
        });
    }

    @Override
    public Lead closeAsLost(LeadId id, String reason) {
        Validation.requireNonNull("leadId", id);
        LeadFields fields = new LeadFields();
        String why = fields.reason(reason);
        fields.throwIfInvalid();
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = requireOpen(locked(tx, id));
            Lead stored = leads(tx).update(Pipeline.lost(lead, why, tx.now()));
            new LeadChanges(tx, actor, false).stageChanged(lead, stored);
            log(tx, actor, lead, ActivityType.LOST, "closed as lost: " + why, lead.stage().dbValue(), why, Map.of());
            tx.publish(EventType.LEAD_LOST, LeadChanges.eventData(stored, "reason", why));
            return stored;
        });
    }

    @Override
    public Lead reopen(LeadId id, Stage stage) {
        Validation.requireNonNull("leadId", id);
        requireOpenStage(stage);
        return work.run(Action.LEAD_UPDATE, tx -> {
            Principal actor = tx.actor(Action.LEAD_UPDATE);
            Lead lead = locked(tx, id);
            if (!lead.closed()) {
                throw new ConflictException("lead.not_closed", "lead " + id + " is not closed");
            }
            return new LeadChanges(tx, actor, false).move(lead, stage);
        });
    }

    private static void requireOpenStage(Stage stage) {
        Validation.requireNonNull("stage", stage);
        if (!stage.isOpen()) {
            throw ValidationException.of("stage", "must be an open stage: close a lead with closeAsWon or closeAsLost");
        }
    }

    private static Lead requireOpen(Lead lead) {
        if (lead.closed()) {
            throw new ConflictException("lead.already_closed", "lead " + lead.id() + " is already closed: reopen it first");
        }
        return lead;
    }

    private static List<String> normalisedTags(Collection<String> tags) {
        LeadFields fields = new LeadFields();
        List<String> normalised = fields.tags("tags", tags, LeadFields.MAX_TAGS);
        fields.throwIfInvalid();
        return normalised;
    }

    private static void requireActiveMember(TenantTransaction tx, UserId userId) {
        boolean active = tx.repository(MemberRepository.class).findByUser(tx.organizationId(), userId)
                .filter(Member::active).isPresent();
        if (!active) {
            throw ValidationException.of("assignedUserId", "must be an active member of the organization");
        }
    }

    private static Lead locked(TenantTransaction tx, LeadId id) {
        return leads(tx).lock(tx.organizationId(), id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(LeadId id) {
        return NotFoundException.of("lead", id);
    }

    private static LeadRepository leads(TenantTransaction tx) {
        return tx.repository(LeadRepository.class);
    }

    private static void log(TenantTransaction tx, Principal actor, Lead lead, ActivityType type, String description,
            String oldValue, String newValue, Map<String, Object> details) {
        new LeadChanges(tx, actor, false).log(lead, type, description, oldValue, newValue, details);
    }

    /** A patchable field's value as text, for the activity log and change detection. */
    private static String text(String field, Lead lead) {
        return switch (field) {
            case "name" -> lead.name();
            case "email" -> lead.email();
            case "phone" -> lead.phone();
            case "company" -> lead.company();
            case "position" -> lead.position();
            case "source" -> lead.source();
            case "priority" -> lead.priority().dbValue();
            case "estimatedValue" -> LeadChanges.text(lead.estimatedValue());
            case "notes" -> lead.notes();
            case "metadata" -> json(lead.metadata());
            default -> throw new IllegalArgumentException("not a patchable field: " + field);
        };
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata is not JSON", e);
        }
    }

    @Override
    public Page<Lead> list(dev.lovedcrm.crm.lead.LeadFilter filter, LeadOrder order, PageRequest page) {
        return new LeadBoard(work).list(filter, order, page);
    }

    @Override
    public dev.lovedcrm.crm.lead.Kanban kanban(dev.lovedcrm.crm.lead.LeadFilter filter, int cardsPerColumn) {
        return new LeadBoard(work).kanban(filter, cardsPerColumn);
    }

    @Override
    public Page<dev.lovedcrm.crm.lead.KanbanCard> kanbanColumn(Stage stage, dev.lovedcrm.crm.lead.LeadFilter filter,
            PageRequest page) {
        return new LeadBoard(work).kanbanColumn(stage, filter, page);
    }

    @Override
    public dev.lovedcrm.crm.lead.StageSettings stageSettings() {
        return new LeadBoard(work).stageSettings();
    }

    @Override
    public dev.lovedcrm.crm.lead.StageSettings updateStageSettings(dev.lovedcrm.crm.lead.StageSettings settings) {
        return new LeadBoard(work).updateStageSettings(settings);
    }

    @Override
    public dev.lovedcrm.crm.lead.BulkResult bulkMove(dev.lovedcrm.crm.lead.LeadSelection selection, Stage stage) {
        return new LeadBulk(work).move(selection, stage);
    }

    @Override
    public dev.lovedcrm.crm.lead.BulkResult bulkAssign(dev.lovedcrm.crm.lead.LeadSelection selection, UserId userId) {
        return new LeadBulk(work).assign(selection, userId);
    }

    @Override
    public dev.lovedcrm.crm.lead.BulkResult bulkTag(dev.lovedcrm.crm.lead.LeadSelection selection,
            Collection<String> add, Collection<String> remove) {
        return new LeadBulk(work).tag(selection, add, remove);
    }

    @Override
    public dev.lovedcrm.crm.lead.BulkResult bulkDelete(dev.lovedcrm.crm.lead.LeadSelection selection) {
        return new LeadBulk(work).delete(selection);
    }

    @Override
    public long exportCsv(dev.lovedcrm.crm.lead.LeadFilter filter, java.io.Writer out) {
        return new LeadCsvExport(work).export(filter, out);
    }

    @Override
    public long exportCsv(dev.lovedcrm.crm.lead.LeadFilter filter, java.io.OutputStream out) {
        if (out == null) {
            throw ValidationException.of("out", "is required");
        }
        return new LeadCsvExport(work).export(filter,
                new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
    }
}
