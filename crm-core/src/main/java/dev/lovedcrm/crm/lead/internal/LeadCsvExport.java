package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams the leads matching a filter as CSV, newest first, in keyset pages of {@value #PAGE} leads over
 * ({@code created_at}, {@code id}), one short read transaction per page and no page held longer than it takes to
 * write it. The columns are named in English ({@link #HEADER}); tags are joined with {@code ;}; times are ISO-8601
 * UTC; values are plain decimals with 2 places.
 */
public final class LeadCsvExport {

    /** Leads read per transaction. */
    public static final int PAGE = 500;

    /** The header row. */
    public static final List<String> HEADER = List.of("id", "name", "email", "phone", "company", "position", "stage",
            "source", "priority", "estimated_value", "actual_value", "closed", "won", "lost_reason", "favorite",
            "assigned_user_id", "tags", "notes", "created_at", "updated_at", "closed_at");

    private final TenantWork work;

    /**
     * An exporter for a scope.
     *
     * @param work the scope's unit of work
     */
    public LeadCsvExport(TenantWork work) {
        this.work = work;
    }

    /**
     * Writes the header and every matching lead, then flushes (the caller closes the writer).
     *
     * @param filter the filter
     * @param out the writer
     * @return how many leads were written
     */
    public long export(LeadFilter filter, Writer out) {
        LeadFilter checked = LeadFilters.check(filter);
        if (out == null) {
            throw ValidationException.of("out", "is required");
        }
        CsvWriter csv = new CsvWriter(out);
        csv.record(HEADER);
        long written = 0;
        Instant afterAt = null;
        LeadId afterId = null;
        while (true) {
            Instant at = afterAt;
            LeadId id = afterId;
            List<Lead> rows = work.run(Action.LEAD_READ, tx -> {
                Map<Stage, Instant> rotting = LeadBoard.rottingBefore(
                        StageSettingsJson.read(tx.repository(LeadRepository.class).stageSettings(tx.organizationId())),
                        tx.now());
                return tx.repository(LeadRepository.class).listFiltered(tx.organizationId(), false, checked, rotting,
                        at, id, PAGE);
            });
            for (Lead lead : rows) {
                csv.record(row(lead));
            }
            written += rows.size();
            if (rows.size() < PAGE) {
                break;
            }
            Lead last = rows.get(rows.size() - 1);
            afterAt = last.createdAt();
            afterId = last.id();
        }
        csv.flush();
        return written;
    }

    static List<String> row(Lead l) {
        return Arrays.asList(l.id().toString(), l.name(), l.email(), l.phone(), l.company(), l.position(),
                l.stage().dbValue(), l.source(), l.priority().dbValue(), money(l.estimatedValue()),
                money(l.actualValue()), String.valueOf(l.closed()), String.valueOf(l.won()), l.lostReason(),
                String.valueOf(l.favorite()), l.assignedUserId() == null ? null : l.assignedUserId().toString(),
                String.join(";", l.tags()), l.notes(), time(l.createdAt()), time(l.updatedAt()), time(l.closedAt()));
    }

    private static String money(BigDecimal value) {
        return value == null ? null : value.setScale(2).toPlainString();
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
