package dev.mrfi.api.host;

import dev.mrfi.api.TensorShape;
import java.util.List;

/**
 * A classifier a host framework offers to the experiments: its module tree and a batched forward pass
 * that calls the hooks it is given.
 *
 * <p>Implementations must allow concurrent forward passes, each with its own hooks, and must describe
 * the same modules for the whole life of the instance.
 *
 * @since 0.1
 */
public interface ClassificationModel {

    /**
     * Describes every module, the root (full name {@code ""}) included, each once.
     *
     * @return the modules; never null
     */
    List<ModuleDescriptor> describe();

    /**
     * Runs a batch, calling the hooks around every described module as {@link ForwardHooks} specifies,
     * and returns the logits.
     *
     * @param input the batch, row-major; never modified
     * @param shape its shape, batch first
     * @param hooks the hooks of this pass
     * @return the logits, {@code [batch, classes]} row-major, in a new array
     */
    float[] forward(float[] input, TensorShape shape, ForwardHooks hooks);
}
