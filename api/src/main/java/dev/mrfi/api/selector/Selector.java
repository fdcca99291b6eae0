package dev.mrfi.api.selector;

import dev.mrfi.api.TensorShape;
import java.util.random.RandomGenerator;

/**
 * Chooses the elements of a tensor that receive faults, as row-major (C-order) flat indices.
 *
 * <p>Work is proportional to the number of positions chosen, not to the tensor's size. Implementations
 * are immutable and thread-safe; all randomness comes from the generator passed in.
 *
 * @since 0.1
 */
public interface Selector {

    /**
     * Chooses positions in a tensor of the given shape.
     *
     * @param shape  the full shape of the tensor, including the batch dimension for activations
     * @param random the source of every random draw; not shared between threads
     * @return flat indices, each in {@code [0, shape.size())}; empty for no faults this call
     * @throws dev.mrfi.api.InjectionException if a configured position lies outside the tensor
     */
    int[] select(TensorShape shape, RandomGenerator random);
}
