package dev.lovedcrm.crm.lead;

/** How {@link Leads#list(LeadOrder, dev.lovedcrm.crm.page.PageRequest)} orders leads: newest first, ties broken by id. */
public enum LeadOrder {
    /** By creation time, newest first. */
    CREATED_DESC("created"),
    /** By last change, most recently changed first. */
    UPDATED_DESC("updated");

    private final String cursorKey;

    LeadOrder(String cursorKey) {
        this.cursorKey = cursorKey;
    }

    /**
     * The tag a page cursor of this order carries, so a cursor of one order is refused by the other.
     *
     * @return e.g. {@code created}
     */
    public String cursorKey() {
        return cursorKey;
    }
}
