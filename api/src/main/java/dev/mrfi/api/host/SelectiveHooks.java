package dev.mrfi.api.host;

/**
 * Hooks that say in advance at which {@link HookPoint}s they may act, so that a host for which offering a
 * tensor has a cost (a graph cut, a copy out of native memory) offers only those.
 *
 * <pre>{@code
 * if (!(hooks instanceof SelectiveHooks selective) || selective.actsOn(HookPoint.input(name))) {
 *     hooks.onInput(name, data, shape);
 * }
 * }</pre>
 *
 * <p>Guarantees to the host:
 * <ul>
 *   <li>At a point where {@link #actsOn} is false the hook does nothing: {@code onInput} and
 *       {@code onOutput} leave the data unchanged and {@code onWeight} returns the clean array, so the host
 *       may skip the call.</li>
 *   <li>The answer for a point never changes during the life of the instance, so a host may plan its
 *       passes from it once.</li>
 *   <li>{@link #actsOn} may be called from any thread.</li>
 * </ul>
 * A host may still call the hooks at other points; hooks that are not {@code SelectiveHooks} act,
 * as far as a host knows, everywhere.
 *
 * @since 0.1
 */
public interface SelectiveHooks extends ForwardHooks {

    /**
     * Tells whether the hooks may change the tensor at a point, or need to see it.
     *
     * @param point the hook point; never null
     * @return false only if the hook at this point is known to do nothing
     */
    boolean actsOn(HookPoint point);

    /**
     * Tells whether the hooks act on one input of a module with several inputs; a host asks before it
     * offers input {@code input} through {@link ForwardHooks#onInput(String, int, float[], TensorShape)}.
     * The default answers {@link #actsOn} of the module's input point for input 0 and false for the others.
     *
     * @param module the module's full name
     * @param input  the input's position, from 0
     * @return true to be called with that input
     * @since 0.2
     */
    default boolean actsOnInput(String module, int input) {
        return input == 0 && actsOn(HookPoint.input(module));
    }
}
