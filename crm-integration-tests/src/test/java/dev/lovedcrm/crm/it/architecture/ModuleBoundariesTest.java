package dev.lovedcrm.crm.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Across published modules only public API is used: a class may use {@code internal} packages of its own
 * module only, whatever feature they belong to (a new {@code lead.internal} is covered without editing this
 * test), and adapters use each other only as DESIGN.md's module table allows.
 */
class ModuleBoundariesTest {

    private static final String BASE = "dev.lovedcrm.crm";
    /** The adapter modules, by root package; every other package of the SDK is crm-core. */
    private static final List<String> ADAPTERS = List.of("jdbi", "stripe", "spring", "testkit");
    /** The module table of DESIGN.md: which adapters an adapter may use (their API, never their internals). */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "jdbi", Set.of(), "stripe", Set.of(), "spring", Set.of("jdbi", "stripe"), "testkit", Set.of("jdbi"));

    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/crm-integration-tests/"))
            .importPackages(BASE);

    @Test
    void internalsAreUsedOnlyInsideTheirModule() {
        classes().that().resideInAPackage(BASE + "..internal..")
                .should(new ArchCondition<>("be used only by their own module") {
                    @Override
                    public void check(JavaClass internal, ConditionEvents events) {
                        for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
                            if (!module(dependency.getOriginClass()).equals(module(internal))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("adapters use crm-core's public API only")
                .check(SDK);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream()
                    .filter(a -> !a.equals(adapter) && !MAY_USE.get(adapter).contains(a))
                    .map(a -> BASE + "." + a + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(BASE + "." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(SDK);
        }
    }

    private static String module(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        for (String adapter : ADAPTERS) {
            if (name.equals(BASE + "." + adapter) || name.startsWith(BASE + "." + adapter + ".")) {
                return adapter;
            }
        }
        return name.startsWith(BASE + ".examples") ? "examples" : name.startsWith(BASE + ".benchmarks") ? "benchmarks" : "core";
    }
}
