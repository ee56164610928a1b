/**
 * Pipeline reports: {@link dev.lovedcrm.crm.report.Reports} (from {@code scope.reports()}) summarises the
 * organization's leads per stage on every plan and, with the plan feature {@code advanced_reports}, computes the
 * conversion funnel, win rate and deal size, revenue by source, time in each stage and per-assignee figures.
 * Every figure is computed by the database, over the organization's leads that are not deleted.
 */
package dev.lovedcrm.crm.report;
