package dev.lovedcrm.crm.id;

import java.util.UUID;

/**
 * What every typed id is: a record over one {@link UUID}. Stores recognise this interface (not a
 * package name) to bind ids as {@code uuid} and to map {@code uuid} columns back through the
 * record's canonical constructor.
 */
public interface TypedId {

    /**
     * The underlying UUID.
     *
     * @return the value, never {@code null}
     */
    UUID value();
}
