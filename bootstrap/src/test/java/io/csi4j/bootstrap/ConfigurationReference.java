package io.csi4j.bootstrap;

import io.csi4j.bootstrap.backends.BackendFactory;
import io.csi4j.bootstrap.backends.ConfigKey;
import io.csi4j.bootstrap.config.Setting;
import io.csi4j.bootstrap.wiring.DaggerFactoriesComponent;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated parts of docs/configuration.md: the table of process settings ({@link Setting}) and one table per
 * backend type from its factory's {@link BackendFactory#keys()}. Markdown, one row per setting or key.
 */
final class ConfigurationReference {

    static final String SETTINGS = "settings";
    static final String BACKENDS = "backends";

    private ConfigurationReference() {}

    /** The generated sections, by name. */
    static Map<String, String> sections() {
        return Map.of(SETTINGS, settings(), BACKENDS, backends());
    }

    static String settings() {
        StringBuilder out = new StringBuilder();
        out.append("| file key | flag | environment variable | default | meaning |\n");
        out.append("|---|---|---|---|---|\n");
        for (Setting s : Setting.values()) {
            out.append("| ").append(code(s.key().orElse(null))).append(" | ").append(code(s.flag().orElse(null)))
                    .append(" | ").append(code(s.env().orElse(null))).append(" | ").append(s.defaultValue())
                    .append(" | ").append(s.description()).append(" |\n");
        }
        return out.toString();
    }

    static String backends() {
        Map<String, BackendFactory> factories = new TreeMap<>(DaggerFactoriesComponent.create().factories());
        StringBuilder out = new StringBuilder();
        factories.forEach((type, factory) -> {
            out.append("### `type: ").append(type).append("`\n\n");
            out.append("| key | default | meaning |\n|---|---|---|\n");
            for (ConfigKey k : factory.keys()) {
                out.append("| `").append(k.name()).append("` | ")
                        .append(k.defaultValue().isEmpty() ? "required" : k.defaultValue()).append(" | ")
                        .append(k.description()).append(" |\n");
            }
            out.append('\n');
        });
        return out.toString().stripTrailing() + "\n";
    }

    private static String code(String s) {
        return s == null ? "—" : "`" + s + "`";
    }

    /** {@code doc} with every generated section replaced by its current text. */
    static String regenerate(String doc) {
        String out = doc;
        for (var e : sections().entrySet()) {
            out = replace(out, e.getKey(), e.getValue());
        }
        return out;
    }

    static String begin(String name) {
        return "<!-- BEGIN GENERATED " + name + ": ConfigurationReferenceTest; do not edit by hand -->\n";
    }

    static String end(String name) {
        return "<!-- END GENERATED " + name + " -->";
    }

    private static String replace(String doc, String name, String body) {
        int from = doc.indexOf(begin(name));
        int to = doc.indexOf(end(name));
        if (from < 0 || to < from) {
            throw new IllegalStateException("docs/configuration.md lacks the markers of section " + name);
        }
        return doc.substring(0, from + begin(name).length()) + body + doc.substring(to);
    }
}
