package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** The interface theme. Stored as {@code system}, {@code light}, {@code dark}; parse wire text with {@code DatabaseEnum.parse}. */
public enum Theme implements DatabaseEnum {
    /** Follow the device. */
    SYSTEM,
    /** Light. */
    LIGHT,
    /** Dark. */
    DARK;
}
