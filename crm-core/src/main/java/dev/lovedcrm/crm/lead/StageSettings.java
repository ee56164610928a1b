package dev.lovedcrm.crm.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An organization's settings of its pipeline stages, one {@link StageSetting} per stage in pipeline order. Kept in
 * {@code organizations.settings} under the key {@code pipeline}; read with {@link Leads#stageSettings()} and
 * changed with {@link Leads#updateStageSettings(StageSettings)}. An organization that never changed them has
 * {@link #defaults()}.
 *
 * <p>Built by copying: {@code leads.stageSettings().withLabel(Stage.LEAD, "Novo").withRottingDays(Stage.LEAD, 3)}.
 * The values are checked when saved (label 1–50 characters on one line, probability 0–100, rotting 1–3650 days).
 *
 * @param stages one setting per stage, in pipeline order
 */
public record StageSettings(List<StageSetting> stages) {

    /** Default win probability per stage, in percent. */
    private static final Map<Stage, Integer> DEFAULT_PROBABILITY = Map.of(
            Stage.LEAD, 10, Stage.CONTACT, 25, Stage.PROPOSAL, 50, Stage.NEGOTIATION, 75, Stage.CLOSED, 100);
    /** Default rotting threshold per open stage, in days. */
    private static final Map<Stage, Integer> DEFAULT_ROTTING = Map.of(
            Stage.LEAD, 7, Stage.CONTACT, 14, Stage.PROPOSAL, 14, Stage.NEGOTIATION, 21);

    /**
     * Checks that every stage has exactly one setting and orders them by stage.
     *
     * @param stages the settings
     */
    public StageSettings {
        Objects.requireNonNull(stages, "stages");
        Map<Stage, StageSetting> byStage = new EnumMap<>(Stage.class);
        for (StageSetting setting : stages) {
            Objects.requireNonNull(setting, "stage setting");
            if (byStage.put(setting.stage(), setting) != null) {
                throw new IllegalArgumentException("two settings for stage " + setting.stage());
            }
        }
        if (byStage.size() != Stage.values().length) {
            throw new IllegalArgumentException("every stage needs a setting");
        }
        stages = List.copyOf(byStage.values());
    }

    /**
     * The SDK's settings: the Portuguese labels; win probability 10, 25, 50, 75 and 100 %; rotting after 7, 14, 14
     * and 21 days in the open stages.
     *
     * @return the defaults
     */
    public static StageSettings defaults() {
        List<StageSetting> all = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            all.add(defaultOf(stage));
        }
        return new StageSettings(all);
    }

    /**
     * The SDK's setting of one stage.
     *
     * @param stage the stage
     * @return its default setting
     */
    public static StageSetting defaultOf(Stage stage) {
        return new StageSetting(stage, stage.label(), DEFAULT_PROBABILITY.get(stage), DEFAULT_ROTTING.get(stage));
    }

    /**
     * The setting of a stage.
     *
     * @param stage the stage
     * @return its setting
     */
    public StageSetting of(Stage stage) {
        return stages.get(stage.ordinal());
    }

    /**
     * A copy with another label for a stage; {@code null} restores the SDK's label.
     *
     * @param stage the stage
     * @param label the label, or {@code null}
     * @return the copy
     */
    public StageSettings withLabel(Stage stage, String label) {
        StageSetting s = of(stage);
        return with(new StageSetting(stage, label == null ? stage.label() : label, s.winProbability(), s.rottingDays()));
    }

    /**
     * A copy with another win probability for a stage.
     *
     * @param stage the stage
     * @param percent 0–100
     * @return the copy
     */
    public StageSettings withWinProbability(Stage stage, int percent) {
        StageSetting s = of(stage);
        return with(new StageSetting(stage, s.label(), percent, s.rottingDays()));
    }

    /**
     * A copy with another rotting threshold for a stage; {@code null} means leads in the stage never rot.
     *
     * @param stage an open stage (a threshold on {@link Stage#CLOSED} is refused when saved)
     * @param days 1–3650, or {@code null}
     * @return the copy
     */
    public StageSettings withRottingDays(Stage stage, Integer days) {
        StageSetting s = of(stage);
        return with(new StageSetting(stage, s.label(), s.winProbability(), days));
    }

    /**
     * Since when a lead of a stage, without activity, counts as rotting: now minus the stage's threshold.
     *
     * @param stage the stage
     * @param now the current time
     * @return the cut-off, or {@code null} when leads of the stage never rot
     */
    public Instant rottingBefore(Stage stage, Instant now) {
        Integer days = of(stage).rottingDays();
        return days == null || !stage.isOpen() ? null : now.minus(Duration.ofDays(days));
    }

    private StageSettings with(StageSetting setting) {
        List<StageSetting> copy = new ArrayList<>(stages);
        copy.set(setting.stage().ordinal(), setting);
        return new StageSettings(copy);
    }
}
