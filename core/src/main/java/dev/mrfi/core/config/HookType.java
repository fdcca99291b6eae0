package dev.mrfi.core.config;

import java.util.List;
import java.util.Optional;

/** Where an injector entry acts: a module's input activation, its output activation, or its weights. */
public enum HookType {
    /** The module's input, before it runs ({@code activation} or {@code activation_in}). */
    ACTIVATION_IN("activation_in"),
    /** The module's output, after it runs ({@code activation_out}). */
    ACTIVATION_OUT("activation_out"),
    /** Named weight tensors of the module ({@code weight} or {@code weights}). */
    WEIGHT("weight");

    /** Every spelling EasyConfig accepts for {@code type}. */
    public static final List<String> SPELLINGS = List.of("activation", "activation_in", "activation_out", "weight", "weights");

    private final String label;

    HookType(String label) {
        this.label = label;
    }

    /**
     * Parses an EasyConfig {@code type}.
     *
     * @param text the value
     * @return the hook type, or empty for an unknown spelling
     */
    public static Optional<HookType> parse(String text) {
        switch (text) {
            case "activation":
            case "activation_in":
                return Optional.of(ACTIVATION_IN);
            case "activation_out":
                return Optional.of(ACTIVATION_OUT);
            case "weight":
            case "weights":
                return Optional.of(WEIGHT);
            default:
                return Optional.empty();
        }
    }

    /**
     * Returns the canonical label used in site names and manifests.
     *
     * @return for example {@code activation_in}
     */
    public String label() {
        return label;
    }
}
