package dev.lovedcrm.crm.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RepositoryRegistryTest {

    @Test
    void everyRepositoryPortOfCoreHasAJdbiImplementation() {
        Set<Class<?>> ports = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lovedcrm.crm")
                .stream()
                .filter(JavaClass::isInterface)
                .filter(c -> c.getSimpleName().endsWith("Repository"))
                .filter(c -> !c.getPackageName().startsWith("dev.lovedcrm.crm.jdbi"))
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());

        assertThat(ports).isNotEmpty();
        assertThat(RepositoryRegistry.implementations().keySet()).containsExactlyInAnyOrderElementsOf(ports);
        RepositoryRegistry.implementations().forEach((port, implementation) ->
                assertThat(port).isAssignableFrom(implementation));
    }
}
