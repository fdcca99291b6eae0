package dev.mrfi.core.engine;

import dev.mrfi.api.TensorShape;

/**
 * The three hook points a host framework calls while running one forward pass. An instance belongs to
 * one trial on one thread; it is not thread-safe.
 *
 * <p>Activations are changed in place. Weights are never changed in place: the host passes its clean
 * weights and uses the array returned, which is either the clean array itself or a per-trial copy with
 * faults. So faults never accumulate across passes and never leak into a golden run or another thread.
 */
public interface ForwardHooks {

    /** Hooks that do nothing: a plain float run. */
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
     * @param module the module's full name
     * @param data   the activation, changed in place
     * @param shape  its shape, batch first
     */
    void onInput(String module, float[] data, TensorShape shape);

    /**
     * Called after a module ran, with its output activation (the whole batch).
     *
     * @param module the module's full name
     * @param data   the activation, changed in place
     * @param shape  its shape, batch first
     */
    void onOutput(String module, float[] data, TensorShape shape);

    /**
     * Called before a module runs, once per weight tensor.
     *
     * @param module     the module's full name
     * @param weightName the weight's name, for example {@code weight} or {@code bias}
     * @param clean      the clean weights; never modified
     * @param shape      their shape
     * @return the weights to use for this pass: {@code clean} itself, or a copy holding faults
     */
    float[] onWeight(String module, String weightName, float[] clean, TensorShape shape);
}
