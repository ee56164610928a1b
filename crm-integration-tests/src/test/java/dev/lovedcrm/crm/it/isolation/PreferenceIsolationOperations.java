package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.preference.PreferencesPatch;
import java.util.List;

/** The acting member's preferences in its organization: read and change them. */
final class PreferenceIsolationOperations implements IsolationOperations {

    private static final List<String> THEMES = List.of("system", "light", "dark");

    @Override
    public String feature() {
        return "preferences";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("get", (world, scope, step) -> scope.preferences().get()),
                operation("update", (world, scope, step) -> scope.preferences().update(PreferencesPatch.builder()
                        .theme(THEMES.get(Math.floorMod(step.salt(), THEMES.size())))
                        .emailMarketing(step.salt() % 2 == 0)
                        .build())));
    }
}
