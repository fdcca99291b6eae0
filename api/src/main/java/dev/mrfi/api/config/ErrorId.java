package dev.mrfi.api.config;

/**
 * Identifies a kind of configuration or plugin problem. Each id prints as {@code [area/Name]} at the
 * start of its message, so tests and documentation can name it.
 *
 * @since 0.1
 */
public enum ErrorId {
    /** The text is not valid YAML or JSON, or has a duplicate key. */
    SYNTAX("config", "Syntax"),
    /** A block that must be a mapping, list, string or number is something else. */
    WRONG_STRUCTURE("config", "WrongStructure"),
    /** A block has no {@code method}. */
    MISSING_METHOD("config", "MissingMethod"),
    /** No plugin of the block's kind has the given name. */
    UNKNOWN_METHOD("config", "UnknownMethod"),
    /** A plugin was given a parameter it does not declare. */
    UNKNOWN_PARAMETER("config", "UnknownParameter"),
    /** A required plugin parameter is absent. */
    MISSING_PARAMETER("config", "MissingParameter"),
    /** A parameter value has the wrong type, for example a string where an integer is needed. */
    WRONG_TYPE("config", "WrongType"),
    /** A parameter value is outside its allowed range or set. */
    OUT_OF_RANGE("config", "OutOfRange"),
    /** A configuration key that MRFI-J does not know. */
    UNKNOWN_KEY("config", "UnknownKey"),
    /** A configuration key that is required is absent. */
    MISSING_KEY("config", "MissingKey"),
    /** A value is not one of the allowed choices. */
    INVALID_VALUE("config", "InvalidValue"),
    /** An integer error mode does not describe the code its quantization produces. */
    INCONSISTENT_BIT_WIDTH("config", "InconsistentBitWidth"),
    /** An integer error mode is configured without a quantization. */
    MISSING_QUANTIZATION("config", "MissingQuantization"),
    /** A named preset does not exist. */
    UNKNOWN_PRESET("config", "UnknownPreset"),
    /** An injector entry matches no module of the model. */
    NO_MATCHING_MODULE("config", "NoMatchingModule"),
    /** A configuration file cannot be read. */
    UNREADABLE_FILE("config", "UnreadableFile"),
    /** Two plugins of one kind claim the same name or alias. */
    DUPLICATE_PLUGIN("plugin", "DuplicateName"),
    /** A plugin could not be loaded or instantiated. */
    PLUGIN_LOAD_FAILURE("plugin", "LoadFailure"),
    /**
     * A provider's {@code create} threw or returned null for parameters its schema accepted.
     *
     * @since 0.1
     */
    PLUGIN_CREATE_FAILURE("plugin", "CreateFailure");

    private final String area;
    private final String label;

    ErrorId(String area, String label) {
        this.area = area;
        this.label = label;
    }

    /**
     * Returns the printed code, for example {@code config/UnknownMethod}.
     *
     * @return area and name separated by a slash
     */
    public String code() {
        return area + "/" + label;
    }
}
