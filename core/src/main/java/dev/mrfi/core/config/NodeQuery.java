package dev.mrfi.core.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which injector nodes of a {@link ConfigTree} a query or a batch edit addresses, as the reference's
 * {@code get_configs}, {@code get_activation_configs} and {@code get_weights_configs} find them: the
 * modules (by the same matchers as a configuration entry; none means every module), the hook, the
 * position in the module's list and, for weights, the parameter name. Immutable.
 *
 * @param modules  which modules; an empty matcher means all
 * @param hook     activation in, activation out or weight; empty means all three
 * @param position the node's index in its module's list; empty means every index
 * @param weight   for weight nodes, the parameter name; empty means every parameter
 */
public record NodeQuery(ModuleMatcher modules, Optional<HookType> hook, OptionalInt position, Optional<String> weight) {

    private static final ModuleMatcher EVERY_MODULE = new ModuleMatcher(List.of(), List.of(), List.of());

    /**
     * Returns the query for every node of every module.
     *
     * @return the query
     */
    public static NodeQuery all() {
        return new NodeQuery(EVERY_MODULE, Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    /**
     * Returns the query for every activation-in node ({@code get_activation_configs}).
     *
     * @return the query
     */
    public static NodeQuery activations() {
        return all().at(HookType.ACTIVATION_IN);
    }

    /**
     * Returns the query for every activation-out node ({@code get_activation_configs(is_out=True)}).
     *
     * @return the query
     */
    public static NodeQuery activationsOut() {
        return all().at(HookType.ACTIVATION_OUT);
    }

    /**
     * Returns the query for every weight node ({@code get_weights_configs}).
     *
     * @return the query
     */
    public static NodeQuery weights() {
        return all().at(HookType.WEIGHT);
    }

    /**
     * Narrows to modules whose full name contains one of the names ({@code module_name}).
     *
     * @param names substrings of the dotted full name
     * @return the narrowed query
     */
    public NodeQuery named(String... names) {
        return new NodeQuery(new ModuleMatcher(List.of(names), modules.types(), modules.fullNames()), hook, position,
                weight);
    }

    /**
     * Narrows to modules whose type name contains one of the types ({@code module_type}).
     *
     * @param types substrings of the type name, such as {@code Conv2d}
     * @return the narrowed query
     */
    public NodeQuery ofType(String... types) {
        return new NodeQuery(new ModuleMatcher(modules.names(), List.of(types), modules.fullNames()), hook, position,
                weight);
    }

    /**
     * Narrows to modules with exactly these full names ({@code module_fullname}).
     *
     * @param fullNames dotted full names
     * @return the narrowed query
     */
    public NodeQuery fullName(String... fullNames) {
        return new NodeQuery(new ModuleMatcher(modules.names(), modules.types(), List.of(fullNames)), hook, position,
                weight);
    }

    /**
     * Narrows to one hook.
     *
     * @param hookType the hook
     * @return the narrowed query
     */
    public NodeQuery at(HookType hookType) {
        return new NodeQuery(modules, Optional.of(hookType), position, weight);
    }

    /**
     * Narrows to the node at one index of each module's list ({@code activation_id}, {@code weight_id}).
     *
     * @param index the index
     * @return the narrowed query
     */
    public NodeQuery index(int index) {
        return new NodeQuery(modules, hook, OptionalInt.of(index), weight);
    }

    /**
     * Narrows to weight nodes of one parameter.
     *
     * @param name the parameter name, such as {@code bias}
     * @return the narrowed query
     */
    public NodeQuery weight(String name) {
        return new NodeQuery(modules, Optional.of(HookType.WEIGHT), position, Optional.of(name));
    }

    /**
     * Tells whether a node matches.
     *
     * @param node the node
     * @return true if every part of the query holds
     */
    public boolean matches(ConfigTree.Node node) {
        return (modules.isEmpty() || modules.matches(node.module(), node.type()))
                && (hook.isEmpty() || hook.get() == node.hook())
                && (position.isEmpty() || position.getAsInt() == node.position())
                && (weight.isEmpty() || weight.get().equals(node.weightName()));
    }
}
