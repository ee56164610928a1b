package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** The dashboard layout. Stored as {@code default}, {@code compact}, {@code expanded}; parse wire text with {@code DatabaseEnum.parse}. */
public enum DashboardLayout implements DatabaseEnum {
    /** The default layout. */
    DEFAULT,
    /** Denser. */
    COMPACT,
    /** More room per item. */
    EXPANDED;
}
