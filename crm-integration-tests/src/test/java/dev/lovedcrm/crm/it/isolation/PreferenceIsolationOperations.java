package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.preference.Theme;
import java.util.List;

/** The acting member's preferences in its organization: read and change them. */
final class PreferenceIsolationOperations implements IsolationOperations {

    private static final List<Theme> THEMES = List.of(Theme.values());

    @Override
    public String feature() {
        return "preferences";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("get", (world, scope, step) -> scope.preferences().get()),
                operation("update", (world, scope, step) -> scope.preferences().update(new PreferencesPatch()
                        .theme(THEMES.get(Math.floorMod(step.salt(), THEMES.size())))
                        .emailMarketing(step.salt() % 2 == 0))));
    }
}
