package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** Who sees the member's profile. Stored as {@code public}, {@code organization}, {@code private}; parse wire text with {@code DatabaseEnum.parse}. */
public enum ProfileVisibility implements DatabaseEnum {
    /** Anyone. */
    PUBLIC,
    /** Members of the organization. */
    ORGANIZATION,
    /** Nobody else. */
    PRIVATE;
}
