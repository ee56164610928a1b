package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** How many items a list shows per page. Stored as {@code 10}, {@code 20}, {@code 50}, {@code 100}; parse wire text with {@code DatabaseEnum.parse}. */
public enum PageSize implements DatabaseEnum {
    /** 10 items. */
    TEN("10"),
    /** 20 items. */
    TWENTY("20"),
    /** 50 items. */
    FIFTY("50"),
    /** 100 items. */
    HUNDRED("100");

    private final String dbValue;

    PageSize(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }
}
