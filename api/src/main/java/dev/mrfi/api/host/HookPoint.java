package dev.mrfi.api.host;

import java.util.Objects;

/**
 * One place where a host hands a tensor to the hooks: a module's input, its output, or one of its named
 * weights.
 *
 * <p>Immutable value; equal points name the same module, kind and weight.
 *
 * @param module the module's full name as its {@link ModuleDescriptor} gives it; {@code ""} is the root
 * @param kind   which tensor of the module
 * @param weight the weight's name for {@link Kind#WEIGHT}, {@code ""} otherwise
 * @since 0.1
 */
public record HookPoint(String module, Kind kind, String weight) {

    /**
     * Which tensor of a module a hook point is.
     *
     * @since 0.1
     */
    public enum Kind {
        /** The activation the module reads: {@link ForwardHooks#onInput}. */
        INPUT,
        /** The activation the module produces: {@link ForwardHooks#onOutput}. */
        OUTPUT,
        /** One of the module's weight tensors: {@link ForwardHooks#onWeight}. */
        WEIGHT
    }

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a weight point has no weight name or an activation point has one
     */
    public HookPoint {
        Objects.requireNonNull(module, "module is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(weight, "weight is null");
        if ((kind == Kind.WEIGHT) == weight.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.WEIGHT ? "a weight hook point needs a weight name"
                    : "an activation hook point has no weight name, got '" + weight + "'");
        }
    }

    /**
     * Returns the input point of a module.
     *
     * @param module the module's full name
     * @return the point
     */
    public static HookPoint input(String module) {
        return new HookPoint(module, Kind.INPUT, "");
    }

    /**
     * Returns the output point of a module.
     *
     * @param module the module's full name
     * @return the point
     */
    public static HookPoint output(String module) {
        return new HookPoint(module, Kind.OUTPUT, "");
    }

    /**
     * Returns the point of one weight of a module.
     *
     * @param module the module's full name
     * @param weight the weight's name, for example {@code weight} or {@code bias}
     * @return the point
     */
    public static HookPoint weight(String module, String weight) {
        return new HookPoint(module, Kind.WEIGHT, weight);
    }

    @Override
    public String toString() {
        return module + (kind == Kind.WEIGHT ? "/weight:" + weight : kind == Kind.INPUT ? "/input" : "/output");
    }
}
