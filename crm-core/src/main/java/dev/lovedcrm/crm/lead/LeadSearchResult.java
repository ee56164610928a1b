package dev.lovedcrm.crm.lead;

/**
 * A lead found by {@link Leads#search}, with how well it matched.
 *
 * @param lead the lead
 * @param score how well the query matched its best field, from 0 (exclusive) to 1: the trigram similarity of the
 *     query to the closest words of the name, email or company, or the share of the phone's digits the query's
 *     digits cover; results come best first
 */
public record LeadSearchResult(Lead lead, double score) {
}
