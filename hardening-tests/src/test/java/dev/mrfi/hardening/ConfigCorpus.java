package dev.mrfi.hardening;

import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The valid configurations the fuzzers start from: every built-in preset and the hand-written files under
 * {@code dev/mrfi/hardening/configs}, which together use every plugin and every key.
 */
final class ConfigCorpus {

    static final List<String> HAND_WRITTEN = List.of("integer-codes.yaml", "float-formats.yaml",
            "values-and-observers.yaml", "observers-only.json");

    private static final Map<String, String> PRESETS = texts(true);
    private static final Map<String, String> FILES = texts(false);

    private ConfigCorpus() {
    }

    /**
     * Returns the presets' texts by name.
     *
     * @return unmodifiable, in {@link Presets#NAMES} order
     */
    static Map<String, String> presets() {
        return PRESETS;
    }

    /**
     * Returns the hand-written files' texts by file name.
     *
     * @return unmodifiable
     */
    static Map<String, String> handWritten() {
        return FILES;
    }

    /**
     * Returns every seed text by name.
     *
     * @return presets first
     */
    static List<Map.Entry<String, String>> all() {
        List<Map.Entry<String, String>> all = new ArrayList<>(PRESETS.entrySet());
        all.addAll(FILES.entrySet());
        return all;
    }

    /**
     * Parses a seed text into a fresh mutable tree.
     *
     * @param text the seed
     * @return the tree
     */
    static Object tree(String text) {
        return Plain.copy(ConfigDocuments.parse(text, "seed"));
    }

    private static Map<String, String> texts(boolean presets) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (presets) {
            for (String name : Presets.NAMES) {
                texts.put(name, Presets.text(name));
            }
        } else {
            for (String name : HAND_WRITTEN) {
                try (InputStream in = ConfigCorpus.class.getResourceAsStream("configs/" + name)) {
                    texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Collections.unmodifiableMap(texts);
    }
}
