package dev.lovedcrm.crm.lead;

import java.util.Objects;

/**
 * How one organization shows and weighs one pipeline stage.
 *
 * @param stage the stage
 * @param label the label shown to people: the organization's override, else {@link Stage#label()}
 * @param winProbability the chance, 0–100 %, that a lead in this stage is won; weighs the stage's value on the Kanban
 * @param rottingDays after how many days without activity an open lead in this stage is "rotting", or {@code null}
 *     for never (always {@code null} for {@link Stage#CLOSED}: closed leads never rot)
 */
public record StageSetting(Stage stage, String label, int winProbability, Integer rottingDays) {

    /**
     * Checks that the stage and label are given.
     *
     * @param stage stage
     * @param label label
     * @param winProbability probability in percent
     * @param rottingDays days, or {@code null}
     */
    public StageSetting {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(label, "label");
    }

    /**
     * Whether the label is the organization's own rather than the SDK's.
     *
     * @return true when overridden
     */
    public boolean labelOverridden() {
        return !label.equals(stage.label());
    }
}
