package dev.mrfi.core.problem;

import dev.mrfi.api.config.ProblemId;

/**
 * The problems the engine reports about documents, files and plugins, beside the parameter problems of
 * {@link dev.mrfi.api.config.ErrorId}.
 */
public enum CoreErrorId implements ProblemId {
    /** The text is not valid YAML or JSON, or has a duplicate key. */
    SYNTAX("config", "Syntax"),
    /** A block that must be a mapping, list, string or number is something else. */
    WRONG_STRUCTURE("config", "WrongStructure"),
    /** A block has no {@code method}. */
    MISSING_METHOD("config", "MissingMethod"),
    /** No plugin of the block's kind has the given name. */
    UNKNOWN_METHOD("config", "UnknownMethod"),
    /** A configuration key that MRFI-J does not know. */
    UNKNOWN_KEY("config", "UnknownKey"),
    /** A configuration key that is required is absent. */
    MISSING_KEY("config", "MissingKey"),
    /** An integer error mode does not describe the code its quantization produces. */
    INCONSISTENT_BIT_WIDTH("config", "InconsistentBitWidth"),
    /** An integer error mode is configured without a quantization. */
    MISSING_QUANTIZATION("config", "MissingQuantization"),
    /** An entry injects into scales, but its quantization exposes none. */
    NO_SCALES("config", "NoScales"),
    /** A named preset does not exist. */
    UNKNOWN_PRESET("config", "UnknownPreset"),
    /** A configuration names a module the model does not have. */
    NO_MATCHING_MODULE("config", "NoMatchingModule"),
    /** A configuration file cannot be read. */
    UNREADABLE_FILE("config", "UnreadableFile"),
    /** Two plugins of one kind claim the same name or alias. */
    DUPLICATE_PLUGIN("plugin", "DuplicateName"),
    /** A plugin could not be loaded or instantiated. */
    PLUGIN_LOAD_FAILURE("plugin", "LoadFailure"),
    /** A provider's {@code create} threw or returned null for parameters its schema accepted. */
    PLUGIN_CREATE_FAILURE("plugin", "CreateFailure");

    private final String area;
    private final String label;

    CoreErrorId(String area, String label) {
        this.area = area;
        this.label = label;
    }

    @Override
    public String code() {
        return area + "/" + label;
    }
}
