package dev.mrfi.core.experiment;

import dev.mrfi.api.TensorShape;
import dev.mrfi.core.engine.ForwardHooks;
import dev.mrfi.core.engine.ModuleDescriptor;
import java.util.List;

/**
 * A classifier a host runtime offers to the experiments: its module tree and a batched forward pass
 * that calls the hooks. Implementations must allow concurrent forward passes with different hooks.
 */
public interface ClassificationModel {

    /**
     * Describes every module, the root included.
     *
     * @return the modules
     */
    List<ModuleDescriptor> describe();

    /**
     * Runs a batch and returns the logits, {@code [batch, classes]} row-major.
     *
     * @param input the batch; never modified
     * @param shape its shape, batch first
     * @param hooks the trial's hooks
     * @return the logits
     */
    float[] forward(float[] input, TensorShape shape, ForwardHooks hooks);
}
