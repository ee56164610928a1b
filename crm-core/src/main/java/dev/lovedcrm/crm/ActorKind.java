package dev.lovedcrm.crm;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** The kind of principal that caused a change, as recorded with events ({@code user}, {@code api_key}). */
public enum ActorKind implements DatabaseEnum {
    /** A member of the organization, acting through a user account. */
    USER,
    /** An API key of the organization. */
    API_KEY
}
