package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** How times are shown. Stored as {@code 12h}, {@code 24h}; parse wire text with {@code DatabaseEnum.parse}. */
public enum TimeFormat implements DatabaseEnum {
    /** 12-hour clock. */
    H12("12h"),
    /** 24-hour clock. */
    H24("24h");

    private final String dbValue;

    TimeFormat(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }
}
