package dev.lovedcrm.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lovedcrm.crm");

    @Test
    void coreDependsOnNoAdapterTechnology() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.jdbi..", "org.springframework..", "com.stripe..",
                        "org.flywaydb..", "org.postgresql..")
                .because("crm-core holds the domain and ports only; adapters live in their own modules")
                .check(core);
    }

    @Test
    void coreNeverImportsAnAdapterModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lovedcrm.crm.jdbi..", "dev.lovedcrm.crm.stripe..", "dev.lovedcrm.crm.spring..",
                        "dev.lovedcrm.crm.testkit..")
                .check(core);
    }
}
