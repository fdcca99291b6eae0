package dev.mrfi.api.config;

/**
 * The type of a parameter: how a raw configuration value becomes a typed Java value.
 *
 * <p>Raw values are what a YAML or JSON document holds after parsing, as plain JDK objects:
 * {@link Long}, {@link Double}, {@link String}, {@link Boolean}, {@link java.util.List} and
 * {@link java.util.Map}. Implementations are immutable and stateless. Common types are in
 * {@link ValueTypes}.
 *
 * @param <T> the Java type of converted values
 *
 * @since 0.1
 */
public interface ValueType<T> {

    /**
     * Returns the type as documentation shows it, for example {@code int} or {@code float or 'auto'}.
     *
     * @return the display name, never null
     */
    String displayName();

    /**
     * Converts a raw value.
     *
     * @param raw the value from the document, never null
     * @return the typed value, never null
     * @throws IllegalArgumentException with a message such as {@code expected int, got 'abc'} if the
     *                                  value does not have this type
     */
    T convert(Object raw);

    /**
     * Formats a typed value as documentation and error messages show it.
     *
     * @param value a value of this type
     * @return its text
     */
    default String format(T value) {
        return String.valueOf(value);
    }

    /**
     * Returns a value as plain document data (a number, string, boolean, or a list of them) that
     * {@link #convert(Object)} turns back into an equal value. Saving a configuration (a configuration
     * tree file) writes parameters with it. Types whose values are not plain data override it.
     *
     * @param value a value of this type
     * @return the plain form
     * @since 0.1
     */
    default Object toDocument(T value) {
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof java.util.List) {
            return value;
        }
        return format(value);
    }
}
