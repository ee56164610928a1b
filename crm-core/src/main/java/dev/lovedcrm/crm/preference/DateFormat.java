package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** How dates are shown. Stored as {@code DD/MM/YYYY}, {@code MM/DD/YYYY}, {@code YYYY-MM-DD}; parse wire text with {@code DatabaseEnum.parse}. */
public enum DateFormat implements DatabaseEnum {
    /** {@code DD/MM/YYYY}. */
    DAY_MONTH_YEAR("DD/MM/YYYY"),
    /** {@code MM/DD/YYYY}. */
    MONTH_DAY_YEAR("MM/DD/YYYY"),
    /** {@code YYYY-MM-DD}. */
    ISO("YYYY-MM-DD");

    private final String dbValue;

    DateFormat(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }
}
