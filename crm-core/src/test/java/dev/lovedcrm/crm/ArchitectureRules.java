package dev.lovedcrm.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The layout rules of crm-core, written once by pattern so that a new feature package is covered without
 * editing a list. Under a base package ({@code dev.lovedcrm.crm}): the base package itself is the facade,
 * {@code <base>.internal} is the kernel, and every other package is a feature; a feature's {@code internal}
 * and {@code spi} sub-packages belong to it ({@code auth.totp.internal} belongs to {@code auth.totp}).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Features depend on each other in one direction only. */
    static ArchRule featuresAreFreeOfCycles(String base) {
        return SlicesRuleDefinition.slices().assignedFrom(features(base)).should().beFreeOfCycles();
    }

    /**
     * A feature's {@code internal} packages are used only inside its top-level feature ({@code auth.totp.internal}
     * inside {@code auth..}), by the kernel and by the facade.
     */
    static ArchRule internalsStayInTheirFeature(String base) {
        return classes().that().resideInAPackage(base + ".(*)..internal..")
                .and().resideOutsideOfPackage(base + ".internal..")
                .should(new ArchCondition<>("be used only inside their top-level feature, the kernel and the facade") {
                    @Override
                    public void check(JavaClass internal, ConditionEvents events) {
                        for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
                            String user = dependency.getOriginClass().getPackageName();
                            if (!user.equals(base) && !user.startsWith(base + ".internal")
                                    && !topLevelFeature(base, user).equals(topLevelFeature(base, internal.getPackageName()))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /** The kernel serves every feature, so it may use their API and ports but never their internals. */
    static ArchRule kernelUsesNoFeatureInternals(String base) {
        return noClasses().that().resideInAPackage(base + ".internal..")
                .should().dependOnClassesThat().resideInAPackage(base + ".(*)..internal..")
                .allowEmptyShould(true);
    }

    private static SliceAssignment features(String base) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(base + ".") || name.startsWith(base + ".internal")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(feature(base, name));
            }

            @Override
            public String getDescription() {
                return "features of " + base;
            }
        };
    }

    /** The feature a package belongs to: its name below the base, up to an {@code internal} or {@code spi} segment. */
    static String feature(String base, String packageName) {
        String relative = packageName.substring(base.length() + 1);
        StringBuilder feature = new StringBuilder();
        for (String segment : relative.split("\\.")) {
            if (segment.equals("internal") || segment.equals("spi")) {
                break;
            }
            feature.append(feature.length() == 0 ? "" : ".").append(segment);
        }
        return feature.toString();
    }

    private static String topLevelFeature(String base, String packageName) {
        if (!packageName.startsWith(base + ".")) {
            return packageName;
        }
        return packageName.substring(base.length() + 1).split("\\.")[0];
    }
}
