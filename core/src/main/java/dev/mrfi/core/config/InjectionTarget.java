package dev.mrfi.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the faults of a {@code faultinject} entry go: into the values (the integer codes, when the entry
 * quantizes), into the scales the quantizer resolved for the tensor (per-tensor and per-channel ranges,
 * the shared exponents of MX blocks), or into both. The YAML key is {@code target}; without it an entry
 * targets values, as every configuration did before scales could be targeted.
 */
public enum InjectionTarget {
    /** The values, or their codes: the default. */
    VALUES,
    /** Only the quantizer's scales. */
    SCALES,
    /** The values, then the scales, each with its own random stream. */
    BOTH;

    /** The YAML spellings, sorted. */
    public static final List<String> SPELLINGS = List.of("both", "scales", "values");

    /**
     * Returns the YAML spelling.
     *
     * @return {@code values}, {@code scales} or {@code both}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a YAML spelling.
     *
     * @param text the spelling
     * @return the target, or empty for an unknown spelling
     */
    public static Optional<InjectionTarget> parse(String text) {
        for (InjectionTarget target : InjectionTarget.values()) {
            if (target.label().equals(text)) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether values receive faults.
     *
     * @return true for {@code values} and {@code both}
     */
    public boolean includesValues() {
        return this != SCALES;
    }

    /**
     * Tells whether scales receive faults.
     *
     * @return true for {@code scales} and {@code both}
     */
    public boolean includesScales() {
        return this != VALUES;
    }
}
