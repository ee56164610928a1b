package dev.lovedcrm.crm.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Across published modules, only public API is used: an adapter may use its own {@code internal}
 * packages but never another module's, and adapters never import each other.
 */
class ModuleBoundariesTest {

    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/crm-integration-tests/"))
            .importPackages("dev.lovedcrm.crm");

    @Test
    void adaptersUseNoOtherModulesInternals() {
        noClasses().that().resideInAnyPackage("dev.lovedcrm.crm.jdbi..", "dev.lovedcrm.crm.stripe..",
                        "dev.lovedcrm.crm.spring..", "dev.lovedcrm.crm.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lovedcrm.crm.internal..",
                        "dev.lovedcrm.crm.auth..internal..", "dev.lovedcrm.crm.user.internal..",
                        "dev.lovedcrm.crm.organization.internal..", "dev.lovedcrm.crm.member.internal..",
                        "dev.lovedcrm.crm.invite.internal..", "dev.lovedcrm.crm.event.internal..",
                        "dev.lovedcrm.crm.preference.internal..")
                .because("adapters use crm-core's public API only")
                .check(SDK);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        noClasses().that().resideInAPackage("dev.lovedcrm.crm.jdbi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lovedcrm.crm.stripe..", "dev.lovedcrm.crm.spring..")
                .check(SDK);
        noClasses().that().resideInAPackage("dev.lovedcrm.crm.stripe..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lovedcrm.crm.jdbi..", "dev.lovedcrm.crm.spring..")
                .allowEmptyShould(true)
                .check(SDK);
        noClasses().that().resideInAPackage("dev.lovedcrm.crm.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lovedcrm.crm.jdbi.internal..",
                        "dev.lovedcrm.crm.testkit..", "dev.lovedcrm.crm.stripe..")
                .check(SDK);
    }
}
