package dev.mrfi.api.config;

/**
 * The problems a plugin's parameters produce, reported by the parameter schemas and by plugins' own
 * cross-parameter rules. Problems with documents, files and plugin loading have ids of the engine's own.
 *
 * @since 0.1
 */
public enum ErrorId implements ProblemId {
    /** A plugin was given a parameter it does not declare. */
    UNKNOWN_PARAMETER("config", "UnknownParameter"),
    /** A required plugin parameter is absent. */
    MISSING_PARAMETER("config", "MissingParameter"),
    /** A parameter value has the wrong type, for example a string where an integer is needed. */
    WRONG_TYPE("config", "WrongType"),
    /** A parameter value is outside its allowed range or set. */
    OUT_OF_RANGE("config", "OutOfRange"),
    /** A value is not one of the allowed choices, or parameters do not fit together. */
    INVALID_VALUE("config", "InvalidValue");

    private final String area;
    private final String label;

    ErrorId(String area, String label) {
        this.area = area;
        this.label = label;
    }

    @Override
    public String code() {
        return area + "/" + label;
    }
}
