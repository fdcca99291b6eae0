package dev.mrfi.core.config;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.core.problem.CoreErrorId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The built-in EasyConfig presets, with the reference's names and contents (one corrected, see
 * {@code docs/differences-from-mrfi.md}).
 */
public final class Presets {

    /** The preset names. */
    public static final List<String> NAMES = List.of("default_fi", "weight_fi", "fxp_fi", "fxp_weight_fi", "float_fi",
            "float_weight_fi");

    private Presets() {
    }

    /**
     * Returns a preset's YAML text.
     *
     * @param name the preset name
     * @return the YAML
     * @throws ConfigurationException for an unknown name, listing the presets
     */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.UNKNOWN_PRESET, "", "unknown preset '" + name
                    + "'. Available: " + NAMES.stream().sorted().toList() + "." + NameSuggestions.hint(name, NAMES)));
        }
        try (InputStream in = Presets.class.getResourceAsStream("/dev/mrfi/core/presets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset resource " + name + ".yaml is missing from the core JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
