package dev.lovedcrm.crm.activity;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** What an activity log row records; stored in {@code lead_activities.activity_type} as the lower-case name. */
public enum ActivityType implements DatabaseEnum {
    /** The lead was created. */
    CREATED,
    /** A field changed: {@code metadata.field} names it, with the old and new value as text. */
    FIELD_CHANGED,
    /** The stage changed: old and new stage code. */
    STAGE_CHANGED,
    /** The assignee changed: old and new user id (either may be absent). */
    ASSIGNED,
    /** The lead was closed as won: old value is the stage before, new value the actual value. */
    WON,
    /** The lead was closed as lost: old value is the stage before, new value and description the reason. */
    LOST,
    /** The lead was reopened: new value is the stage it reopened into. */
    REOPENED,
    /** The lead was deleted. */
    DELETED,
    /** A tag was added: new value is the tag. */
    TAG_ADDED,
    /** A tag was removed: old value is the tag. */
    TAG_REMOVED;
}
