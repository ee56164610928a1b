package dev.lovedcrm.crm.store;

import dev.lovedcrm.crm.error.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A closed vocabulary stored in one database column (a PostgreSQL enum or a checked text column):
 * stores bind {@link #dbValue()} and map a column back with {@link #fromDbValue}. Every such Java enum
 * implements this interface; no store needs an argument or mapper per enum.
 */
public interface DatabaseEnum {

    /**
     * The stored form; by default the constant's name in lower case ({@code PENDING} → {@code pending}).
     *
     * @return the database value
     */
    default String dbValue() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose {@link #dbValue()} is {@code value}.
     *
     * @param <E> the enum type
     * @param type the enum class
     * @param value the stored form
     * @return the constant, or empty for an unknown value
     */
    static <E extends Enum<E> & DatabaseEnum> Optional<E> fromDbValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.dbValue().equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses the stored (and wire) form of a closed vocabulary, for hosts that receive it as text.
     *
     * @param <E> the enum type
     * @param type the enum class
     * @param field the field to name on error
     * @param value the text, e.g. {@code dark}
     * @return the constant
     * @throws ValidationException naming {@code field} when the text is not one of the values
     */
    static <E extends Enum<E> & DatabaseEnum> E parse(Class<E> type, String field, String value) {
        return fromDbValue(type, value).orElseThrow(() -> {
            StringJoiner allowed = new StringJoiner(", ");
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.dbValue());
            }
            return ValidationException.of(field, "must be one of " + allowed);
        });
    }
}
