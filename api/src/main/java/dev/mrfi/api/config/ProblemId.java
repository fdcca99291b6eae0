package dev.mrfi.api.config;

/**
 * Identifies a kind of problem. Each id prints as {@code [area/Name]} at the start of its message, so tests
 * and documentation can name it. The api defines the ids a plugin's parameters produce ({@link ErrorId});
 * the engine defines its own for documents, files and plugin loading.
 *
 * @since 0.1
 */
public interface ProblemId {

    /**
     * Returns the printed code, for example {@code config/OutOfRange}.
     *
     * @return area and name separated by a slash
     */
    String code();
}
