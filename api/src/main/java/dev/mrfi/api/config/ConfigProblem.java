package dev.mrfi.api.config;

import java.util.Objects;

/**
 * One problem found in a configuration: what kind it is, where it is and what to do about it.
 *
 * <p>Prints as {@code [config/OutOfRange] faultinject[0].error_mode.bit_width: must be in [1, 32], got 64}.
 *
 * @param id      the kind of problem
 * @param path    the YAML path of the offending value, for example {@code quantization.bit_width};
 *                empty for the document itself
 * @param message the problem, the allowed values and a hint, without the path
 *
 * @since 0.1
 */
public record ConfigProblem(ProblemId id, String path, String message) {

    /**
     * Checks for nulls.
     *
     * @throws NullPointerException if an argument is null
     */
    public ConfigProblem {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(message, "message is null");
    }

    /**
     * Returns the same problem located under a parent path.
     *
     * @param parent the parent path, for example {@code faultinject[0].quantization}; empty leaves the
     *               path unchanged
     * @return the relocated problem
     */
    public ConfigProblem under(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        if (path.isEmpty()) {
            return new ConfigProblem(id, parent, message);
        }
        String separator = path.startsWith("[") ? "" : ".";
        return new ConfigProblem(id, parent + separator + path, message);
    }

    @Override
    public String toString() {
        return "[" + id.code() + "] " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
