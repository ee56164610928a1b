package dev.lovedcrm.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** crm-core's layout, checked by the rules of {@link ArchitectureRules}; each rule is shown to fail on a bad layout. */
class ArchitectureTest {

    private static final String BASE = "dev.lovedcrm.crm";
    private static final String FIXTURE = "dev.lovedcrm.crm.archfixture";

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
    private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

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

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresAreFreeOfCycles(BASE).check(core);
    }

    @Test
    void internalsStayInTheirFeature() {
        ArchitectureRules.internalsStayInTheirFeature(BASE).check(core);
    }

    @Test
    void kernelUsesNoFeatureInternals() {
        ArchitectureRules.kernelUsesNoFeatureInternals(BASE).check(core);
    }

    @Test
    void eachRuleFailsOnALayoutThatBreaksIt() {
        assertViolated(ArchitectureRules.featuresAreFreeOfCycles(FIXTURE), "alpha", "beta");
        assertViolated(ArchitectureRules.internalsStayInTheirFeature(FIXTURE), "Beta", "AlphaImpl");
        assertViolated(ArchitectureRules.kernelUsesNoFeatureInternals(FIXTURE), "Kernel", "AlphaImpl");
    }

    @Test
    void aFeatureIsItsPackageUpToInternalOrSpi() {
        assertThat(ArchitectureRules.feature(BASE, "dev.lovedcrm.crm.auth.totp.internal")).isEqualTo("auth.totp");
        assertThat(ArchitectureRules.feature(BASE, "dev.lovedcrm.crm.member.spi")).isEqualTo("member");
        assertThat(ArchitectureRules.feature(BASE, "dev.lovedcrm.crm.lead")).isEqualTo("lead");
    }

    private void assertViolated(ArchRule rule, String... mentioned) {
        var result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(mentioned);
    }
}
