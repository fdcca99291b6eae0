package dev.mrfi.api;

/**
 * The kinds of plugin MRFI-J knows, each with the key that names its block in a configuration.
 *
 * @since 0.1
 */
public enum PluginKind {
    /** Turns floats into integer codes held in floats, and back. Config key {@code quantization}. */
    QUANTIZATION("quantization"),
    /** Replaces selected values with faulty ones. Config key {@code error_mode}. */
    ERROR_MODE("error_mode"),
    /** Chooses which elements of a tensor receive faults. Config key {@code selector}. */
    SELECTOR("selector"),
    /** Watches tensors as they pass a hook point. Config key {@code observe}. */
    OBSERVER("observer");

    private final String configKey;

    PluginKind(String configKey) {
        this.configKey = configKey;
    }

    /**
     * Returns the configuration key of this kind's block, for example {@code error_mode}.
     *
     * @return the snake_case key, never null
     */
    public String configKey() {
        return configKey;
    }

    /**
     * Returns a lower-case human name, for example {@code "error mode"}.
     *
     * @return the display name, never null
     */
    public String displayName() {
        return configKey.replace('_', ' ');
    }
}
