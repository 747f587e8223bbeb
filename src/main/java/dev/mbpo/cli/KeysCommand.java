package dev.mbpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.config.SettingField;
import dev.mbpo.config.SettingFields;
import dev.mbpo.env.Envs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mbpo keys}: every key a preset or {@code --set} takes, with its label in the window's
 * settings sheet, its type, its default (or a preset's value) and what it allows.
 */
@Command(name = "keys", description = "List every preset key (for --set): window label, type, default and what is allowed.")
final class KeysCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--preset", paramLabel = "FILE", description = "show this preset's values instead of the defaults")
    Path preset;

    @Override
    public Integer call() {
        RunConfig config = preset == null ? RunConfig.DEFAULT : Presets.load(PresetFiles.require(preset));
        Map<String, SettingField> sheet = new LinkedHashMap<>();
        for (SettingField f : SettingFields.all(Envs.ids())) {
            sheet.put(f.path(), f);
        }
        List<String[]> rows = new ArrayList<>();
        collect(Presets.toTree(config), "", sheet, rows);
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-26s %-34s %-14s %-22s %s%n";
        out.printf(format, "KEY", "WINDOW LABEL", "TYPE", preset == null ? "DEFAULT" : "VALUE", "ALLOWED / MEANING");
        for (String[] r : rows) {
            out.printf(format, (Object[]) r);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static void collect(JsonNode node, String prefix, Map<String, SettingField> sheet, List<String[]> rows) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                collect(e.getValue(), key + ".", sheet, rows);
                continue;
            }
            SettingField f = sheet.get(key);
            String label = f == null ? "-" : f.category() + " > " + f.label();
            String type = f == null ? typeOf(e.getValue()) : typeOf(f);
            String allowed = f == null ? "" : f.kind() == SettingField.Kind.CHOICE
                    ? String.join(", ", f.choices()) + (f.description().isEmpty() ? "" : ". " + f.description())
                    : f.description();
            rows.add(new String[] {key, label, type, shown(e.getValue()), allowed});
        }
    }

    private static String shown(JsonNode v) {
        String s = v.isNull() ? "(empty)" : v.isTextual() ? v.asText() : v.toString();
        return s.length() > 22 ? s.substring(0, 21) + "\u2026" : s;
    }

    private static String typeOf(SettingField f) {
        String t = switch (f.kind()) {
            case INT, LONG -> "integer";
            case DOUBLE -> "number";
            case BOOL -> "true/false";
            case TEXT -> "text";
            case CHOICE -> "choice";
            case INT_LIST -> "integer list";
            case DOUBLE_LIST -> "number list";
        };
        return f.nullable() ? t + " or empty" : t;
    }

    private static String typeOf(JsonNode v) {
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        if (v.isArray()) {
            return "list";
        }
        return v.isNull() ? "(empty)" : "text";
    }
}
