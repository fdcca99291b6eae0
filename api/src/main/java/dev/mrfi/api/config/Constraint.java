package dev.mrfi.api.config;

import java.util.function.Predicate;

/**
 * A condition a single parameter value must meet, such as a range.
 *
 * <p>When the test fails, the problem reads {@code must be <description>, got <value>}.
 *
 * @param description what is allowed, for example {@code in [1, 32]}
 * @param test        the condition
 * @param <T>         the value type
 *
 * @since 0.1
 */
public record Constraint<T>(String description, Predicate<? super T> test) {

    /**
     * Returns an inclusive integer range.
     *
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return the constraint
     */
    public static Constraint<Integer> intRange(int min, int max) {
        return new Constraint<>("in [" + min + ", " + max + "]", v -> v >= min && v <= max);
    }

    /**
     * Returns an inclusive integer range with the reason for its bounds, so that a rejected value says why.
     *
     * @param min    smallest allowed value
     * @param max    largest allowed value
     * @param reason why values outside the range make no sense, for example
     *               {@code a symmetric code needs at least 2 bits}
     * @return the constraint, described as {@code in [min, max]: reason}
     * @since 0.1
     */
    public static Constraint<Integer> intRange(int min, int max, String reason) {
        return new Constraint<>("in [" + min + ", " + max + "]: " + reason, v -> v >= min && v <= max);
    }

    /**
     * Returns an inclusive lower bound for integers.
     *
     * @param min smallest allowed value
     * @return the constraint
     */
    public static Constraint<Integer> intAtLeast(int min) {
        return new Constraint<>("at least " + min, v -> v >= min);
    }

    /**
     * Returns a condition that a number is finite and greater than zero.
     *
     * @return the constraint
     */
    public static Constraint<Double> positive() {
        return new Constraint<>("a finite number greater than 0", v -> v > 0 && Double.isFinite(v));
    }

    /**
     * Returns a condition that a number is finite.
     *
     * @return the constraint
     */
    public static Constraint<Double> finite() {
        return new Constraint<>("a finite number", Double::isFinite);
    }

    /**
     * Returns a condition that a number is finite and not negative.
     *
     * @return the constraint
     */
    public static Constraint<Double> nonNegative() {
        return new Constraint<>("a finite number of at least 0", v -> v >= 0 && Double.isFinite(v));
    }

    /**
     * Returns a condition that a range is {@code auto} or a finite number greater than zero.
     *
     * @return the constraint
     */
    public static Constraint<DynamicRange> positiveOrAuto() {
        return new Constraint<>("'auto' or a finite number greater than 0",
                r -> r.auto() || (r.value() > 0 && Double.isFinite(r.value())));
    }
}
