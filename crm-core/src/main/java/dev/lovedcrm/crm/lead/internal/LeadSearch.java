package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.lead.LeadSearchResult;
import dev.lovedcrm.crm.lead.Leads;
import dev.lovedcrm.crm.lead.spi.LeadSearchRepository;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.util.List;
import java.util.UUID;

/**
 * {@link Leads#search}: checks and normalises the query and the page, then reads one page from the
 * {@link LeadSearchRepository}. Pages are keyset-paged on (score, id) descending; the score travels in the cursor
 * as the exact text of the database's {@code real} value.
 */
public final class LeadSearch {

    /** The shortest query, in characters other than white space. */
    public static final int MIN_QUERY_LENGTH = 3;

    /** The longest query, in characters after trimming. */
    public static final int MAX_QUERY_LENGTH = 200;

    private static final String TAG = "search";

    private final TenantWork work;

    /**
     * The search of one tenant scope.
     *
     * @param work the scope's unit of work
     */
    public LeadSearch(TenantWork work) {
        this.work = work;
    }

    /**
     * One page of results.
     *
     * @param query the query
     * @param page the page
     * @return the page
     * @throws ValidationException naming {@code query}, {@code page}, {@code limit} or {@code cursor}
     */
    public Page<LeadSearchResult> search(String query, PageRequest page) {
        String normalised = normalise(query);
        Validation.requireNonNull("page", page);
        if (page.limit() > Leads.MAX_PAGE_SIZE) {
            throw ValidationException.of("limit", "must be between 1 and " + Leads.MAX_PAGE_SIZE);
        }
        Float afterScore = null;
        LeadId afterId = null;
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            if (!TAG.equals(cursor.key(0, 3))) {
                throw ValidationException.of("cursor", "does not belong to this list");
            }
            try {
                afterScore = Float.valueOf(cursor.key(1, 3));
                afterId = new LeadId(UUID.fromString(cursor.key(2, 3)));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("cursor", "is not a valid cursor");
            }
            if (afterScore.isNaN() || afterScore < 0 || afterScore > 1) {
                throw ValidationException.of("cursor", "is not a valid cursor");
            }
        }
        Float score = afterScore;
        LeadId id = afterId;
        return work.run(Action.LEAD_READ, tx -> {
            List<LeadSearchResult> rows = tx.repository(LeadSearchRepository.class)
                    .search(tx.organizationId(), normalised, score, id, page.limit() + 1);
            return Page.fromRows(rows, page.limit(), r -> Cursor.of(TAG, Float.toString((float) r.score()), r.lead().id()));
        });
    }

    /**
     * The query as searched: control characters and runs of white space become one space, ends trimmed.
     *
     * @param query the query as given
     * @return the normalised query
     * @throws ValidationException naming {@code query} when it is missing, shorter than {@value #MIN_QUERY_LENGTH}
     *     (not counting white space) or longer than {@value
     *     #MAX_QUERY_LENGTH} characters
     */
    static String normalise(String query) {
        Validation.requireNonNull("query", query);
        String normalised = query.replaceAll("[\\p{Cntrl}\\s\\p{Z}]+", " ").strip();
        int length = normalised.codePointCount(0, normalised.length());
        String letters = normalised.replace(" ", "");
        if (letters.codePointCount(0, letters.length()) < MIN_QUERY_LENGTH) {
            throw ValidationException.of("query", "must have at least " + MIN_QUERY_LENGTH + " characters");
        }
        if (length > MAX_QUERY_LENGTH) {
            throw ValidationException.of("query", "must have at most " + MAX_QUERY_LENGTH + " characters");
        }
        return normalised;
    }
}
