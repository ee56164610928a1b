package dev.lovedcrm.crm.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The records of the store ports carry hashes and secrets; none of them prints one in {@code toString()},
 * where a log line or an exception message would pick it up. Found by rule: every record in an {@code spi}
 * package with a component named like a hash or a secret.
 */
class StoredRecordsTest {

    private static final String MARKER = "s3cr3t-marker";

    @Test
    void noStoredRecordPrintsAHashOrASecret() throws ReflectiveOperationException {
        List<Class<?>> checked = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lovedcrm.crm")) {
            Class<?> type = javaClass.reflect();
            if (!type.isRecord() || !type.getPackageName().endsWith(".spi") || !hasSecretComponent(type)) {
                continue;
            }
            Object record = withMarkers(type);
            assertThat(record.toString()).as(type.getName()).doesNotContain(MARKER);
            checked.add(type);
        }
        assertThat(checked).extracting(Class::getSimpleName).contains("Stored", "Credentials");
    }

    private static boolean hasSecretComponent(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (isSecret(component)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecret(RecordComponent component) {
        String name = component.getName().toLowerCase(Locale.ROOT);
        return name.contains("hash") || name.contains("secret");
    }

    private static Object secretValue(Class<?> type) {
        return type == List.class ? List.of(MARKER) : MARKER;
    }

    /** An instance whose hash and secret components hold the marker, the others plain values (nested records too). */
    private static Object withMarkers(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = isSecret(components[i]) ? secretValue(types[i]) : valueFor(types[i]);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object valueFor(Class<?> type) throws ReflectiveOperationException {
        if (type.isRecord()) {
            return withMarkers(type);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == String.class) {
            return "plain";
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
