package dev.mrfi.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Declares one parameter: its snake_case name, type, one-sentence description, default (or that it is
 * required) and constraints. Immutable; plugins keep their specs in constants and read typed values
 * with {@link PluginConfig#get(ParameterSpec)}.
 *
 * <pre>{@code
 * static final ParameterSpec<Integer> BIT_WIDTH =
 *         ParameterSpec.required("bit_width", ValueTypes.INT, "Often 8 or 16.")
 *                 .constrainedBy(Constraint.intRange(1, 32));
 * }</pre>
 *
 * @param <T> the Java type of the value
 *
 * @since 0.1
 */
public final class ParameterSpec<T> {

    private final String name;
    private final ValueType<T> type;
    private final String description;
    private final boolean required;
    private final T defaultValue;
    private final List<Constraint<? super T>> constraints;

    private ParameterSpec(String name, ValueType<T> type, String description, boolean required, T defaultValue,
                          List<Constraint<? super T>> constraints) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.type = Objects.requireNonNull(type, "type is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.required = required;
        this.defaultValue = defaultValue;
        this.constraints = List.copyOf(constraints);
        if (name.isBlank() || description.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name and a description");
        }
    }

    /**
     * Declares a parameter that must be given.
     *
     * @param name        the snake_case name
     * @param type        the type
     * @param description one sentence
     * @param <T>         the value type
     * @return the spec
     */
    public static <T> ParameterSpec<T> required(String name, ValueType<T> type, String description) {
        return new ParameterSpec<>(name, type, description, true, null, List.of());
    }

    /**
     * Declares a parameter with a default.
     *
     * @param name         the snake_case name
     * @param type         the type
     * @param defaultValue the value used when the parameter is absent, not null
     * @param description  one sentence
     * @param <T>          the value type
     * @return the spec
     */
    public static <T> ParameterSpec<T> optional(String name, ValueType<T> type, T defaultValue, String description) {
        return new ParameterSpec<>(name, type, description, false,
                Objects.requireNonNull(defaultValue, "defaultValue is null"), List.of());
    }

    /**
     * Declares a parameter that may be absent and then has no value; the plugin checks
     * {@link PluginConfig#has(ParameterSpec)}.
     *
     * @param name        the snake_case name
     * @param type        the type
     * @param description one sentence, saying what absence means
     * @param <T>         the value type
     * @return the spec
     */
    public static <T> ParameterSpec<T> optionalWithoutDefault(String name, ValueType<T> type, String description) {
        return new ParameterSpec<>(name, type, description, false, null, List.of());
    }

    /**
     * Returns a copy with one more constraint.
     *
     * @param constraint the condition every value must meet
     * @return the new spec
     */
    public ParameterSpec<T> constrainedBy(Constraint<? super T> constraint) {
        List<Constraint<? super T>> all = new ArrayList<>(constraints);
        all.add(Objects.requireNonNull(constraint, "constraint is null"));
        return new ParameterSpec<>(name, type, description, required, defaultValue, all);
    }

    /**
     * Returns the snake_case name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the type.
     *
     * @return the type
     */
    public ValueType<T> type() {
        return type;
    }

    /**
     * Returns the one-sentence description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Tells whether the parameter must be given.
     *
     * @return true if required
     */
    public boolean required() {
        return required;
    }

    /**
     * Returns the default.
     *
     * @return the default, empty if required or declared without one
     */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns the constraints.
     *
     * @return an unmodifiable list
     */
    public List<Constraint<? super T>> constraints() {
        return constraints;
    }

    /**
     * Returns the default column of the parameter table: {@code required}, {@code none} or the
     * formatted default.
     *
     * @return the text
     */
    public String defaultText() {
        if (required) {
            return "required";
        }
        return defaultValue == null ? "none" : type.format(defaultValue);
    }

    /**
     * Returns the type column of the parameter table, including constraints.
     *
     * @return for example {@code int, in [1, 32]}
     */
    public String typeText() {
        StringBuilder text = new StringBuilder(type.displayName());
        for (Constraint<? super T> constraint : constraints) {
            text.append(", ").append(constraint.description());
        }
        return text.toString();
    }

    /**
     * Converts and checks a raw value.
     *
     * @param raw the raw value, not null
     * @return the typed value
     * @throws ConfigurationException listing a wrong type or every violated constraint, with this
     *                                parameter's name as the path
     */
    public T bind(Object raw) {
        T value;
        try {
            value = type.convert(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.WRONG_TYPE, name, e.getMessage()));
        }
        List<ConfigProblem> violations = new ArrayList<>();
        for (Constraint<? super T> constraint : constraints) {
            if (!constraint.test().test(value)) {
                violations.add(new ConfigProblem(ErrorId.OUT_OF_RANGE, name,
                        "must be " + constraint.description() + ", got " + ValueTypes.describe(raw)));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConfigurationException(violations);
        }
        return value;
    }

    @Override
    public String toString() {
        return name + " (" + typeText() + ", " + defaultText() + ")";
    }
}
