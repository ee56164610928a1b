package dev.lovedcrm.crm.lead.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.StageSetting;
import dev.lovedcrm.crm.lead.StageSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link StageSettings} as kept under {@code organizations.settings.pipeline}:
 * {@code {"stages": {"lead": {"label": "Novo", "winProbability": 10, "rottingDays": 7}, ...}}}. Reading is lenient,
 * since a host may rewrite the organization's settings object: a missing or malformed value is the default.
 */
final class StageSettingsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StageSettingsJson() {
    }

    static String write(StageSettings settings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode stages = root.putObject("stages");
        for (StageSetting s : settings.stages()) {
            ObjectNode node = stages.putObject(s.stage().dbValue());
            if (s.labelOverridden()) {
                node.put("label", s.label());
            }
            node.put("winProbability", s.winProbability());
            if (s.rottingDays() == null) {
                node.putNull("rottingDays");
            } else {
                node.put("rottingDays", s.rottingDays());
            }
        }
        return root.toString();
    }

    static StageSettings read(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            root = null;
        }
        JsonNode stages = root == null ? null : root.get("stages");
        List<StageSetting> all = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            StageSetting d = StageSettings.defaultOf(stage);
            JsonNode node = stages != null && stages.isObject() ? stages.get(stage.dbValue()) : null;
            if (node == null || !node.isObject()) {
                all.add(d);
                continue;
            }
            JsonNode label = node.get("label");
            JsonNode probability = node.get("winProbability");
            JsonNode rotting = node.get("rottingDays");
            String l = label != null && label.isTextual() && !label.textValue().isBlank()
                    && label.textValue().length() <= LeadFilters.MAX_LABEL ? label.textValue() : d.label();
            int p = probability != null && probability.canConvertToInt() && probability.isIntegralNumber()
                    && probability.intValue() >= 0 && probability.intValue() <= 100 ? probability.intValue() : d.winProbability();
            Integer r = d.rottingDays();
            if (rotting != null && rotting.isNull()) {
                r = null;
            } else if (rotting != null && rotting.isIntegralNumber() && rotting.canConvertToInt()
                    && rotting.intValue() >= 1 && rotting.intValue() <= LeadFilters.MAX_ROTTING_DAYS) {
                r = rotting.intValue();
            }
            all.add(new StageSetting(stage, l, p, stage.isOpen() ? r : null));
        }
        return new StageSettings(all);
    }
}
