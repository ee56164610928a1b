package dev.lovedcrm.crm;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.store.DatabaseEnum;
import java.util.Locale;

/**
 * A member's role in an organization, from most to least powerful:
 * {@code OWNER > ADMIN > MEMBER > VIEWER}. Stored as the PostgreSQL enum {@code crm.organization_role}.
 */
public enum Role implements DatabaseEnum {
    /** Full control, including billing, ownership transfer and deactivation. */
    OWNER,
    /** Manages members below admin, invites and settings. */
    ADMIN,
    /** Works with the organization's data. */
    MEMBER,
    /** Reads the organization's data. */
    VIEWER;

    /**
     * Whether this role ranks strictly above another.
     *
     * @param other the role to compare with
     * @return true if this role is more powerful
     */
    public boolean outranks(Role other) {
        return ordinal() < other.ordinal();
    }

    /**
     * Whether this role ranks at least as high as another.
     *
     * @param other the role to compare with
     * @return true if this role is the same or more powerful
     */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }


    /**
     * Parses the lower-case form.
     *
     * @param field the field name to report on error
     * @param value the text, e.g. {@code admin}
     * @return the role
     * @throws ValidationException naming {@code field} when the value is not a role
     */
    public static Role parse(String field, String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.dbValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw ValidationException.of(field, "must be one of owner, admin, member, viewer");
    }
}
