package dev.mrfi.api.host;

import dev.mrfi.api.TensorShape;

/**
 * The three points at which a host framework hands its tensors to the injector while it runs one
 * forward pass: a module's input activation, its output activation and each of its weight tensors.
 *
 * <p>For every module it runs, a host calls, in this order:
 * <ol>
 *   <li>{@link #onInput} with the activation the module is about to read;</li>
 *   <li>{@link #onWeight} once per weight tensor the module declared in its
 *       {@link ModuleDescriptor#weights()}, in that order, and computes with the arrays returned;</li>
 *   <li>{@link #onOutput} with the activation the module produced, before any other module reads it.</li>
 * </ol>
 * The module name is always the {@link ModuleDescriptor#fullName()} the host described the module under.
 *
 * <p>Activations are changed in place. Weights are never changed in place: the host passes its clean
 * weights and uses the array returned, which is either the clean array itself or a per-pass copy with
 * faults. So faults never accumulate across passes and never leak into a golden run or another thread.
 *
 * <p>An instance belongs to one pass on one thread and is not thread-safe; a host that runs passes
 * concurrently gives each its own instance. The engine's per-trial run context is the usual
 * implementation; {@link #NONE} is the plain run.
 *
 * @since 0.1
 */
public interface ForwardHooks {

    /** Hooks that do nothing: a plain float run. Stateless and safe to share between threads. */
    ForwardHooks NONE = new ForwardHooks() {
        @Override
        public void onInput(String module, float[] data, TensorShape shape) {
        }

        @Override
        public void onOutput(String module, float[] data, TensorShape shape) {
        }

        @Override
        public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
            return clean;
        }
    };

    /**
     * Called before a module runs, with its input activation (the whole batch).
     *
     * @param module the module's full name; never null
     * @param data   the activation, {@code shape.size()} values, which the hooks may change in place
     * @param shape  its shape, batch first
     */
    void onInput(String module, float[] data, TensorShape shape);

    /**
     * Called after a module ran, with its output activation (the whole batch).
     *
     * @param module the module's full name; never null
     * @param data   the activation, {@code shape.size()} values, which the hooks may change in place
     * @param shape  its shape, batch first
     */
    void onOutput(String module, float[] data, TensorShape shape);

    /**
     * Called before a module computes, once per weight tensor.
     *
     * @param module     the module's full name; never null
     * @param weightName the weight's name as declared in the module's descriptor, for example
     *                   {@code weight} or {@code bias}
     * @param clean      the clean weights; never modified, so the host may pass its own array
     * @param shape      their shape
     * @return the weights to use for this pass: {@code clean} itself, or a copy of the same length holding
     *         faults; never null
     */
    float[] onWeight(String module, String weightName, float[] clean, TensorShape shape);

    /**
     * Called with one input of a module that takes several, for example each addend of an {@code Add},
     * before the module runs; hosts whose modules take one input call it with {@code input} 0, or call
     * {@link #onInput(String, float[], TensorShape)}. May change {@code data} in place, as that method.
     * The default passes input 0 to {@link #onInput(String, float[], TensorShape)} and ignores the others,
     * which is what hooks written before inputs were numbered expect.
     *
     * @param module the module's full name
     * @param input  the input's position among the module's activation inputs, from 0
     * @param data   the input tensor's values, row-major; not retained after the call
     * @param shape  its shape
     * @since 0.2
     */
    default void onInput(String module, int input, float[] data, TensorShape shape) {
        if (input == 0) {
            onInput(module, data, shape);
        }
    }
}
