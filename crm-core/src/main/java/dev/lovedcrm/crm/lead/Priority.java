package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** A lead's priority, stored as the PostgreSQL enum {@code crm.lead_priority}: {@code low}, {@code medium}, {@code high}, {@code urgent}. */
public enum Priority implements DatabaseEnum {
    /** Low. */
    LOW,
    /** Medium, the default. */
    MEDIUM,
    /** High. */
    HIGH,
    /** Urgent. */
    URGENT;
}
