package dev.mrfi.selector;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** One fixed position: a flat index, or one coordinate per dimension. Uses no randomness. */
final class FixPosition implements Selector {

    /** One entry: a flat index; more: a coordinate. None negative. */
    private final int[] position;

    FixPosition(int[] position) {
        this.position = position;
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        if (position.length == 1) {
            if (position[0] >= shape.size()) {
                throw new InjectionException("position " + position[0] + " is outside the tensor of shape " + shape
                        + ", which has " + shape.size() + " elements");
            }
            return new int[] {position[0]};
        }
        if (position.length != shape.rank()) {
            throw new InjectionException("position " + Arrays.toString(position) + " has " + position.length
                    + " coordinates but the tensor of shape " + shape + " has " + shape.rank()
                    + " dimensions; give a flat index or one coordinate per dimension");
        }
        int flat = 0;
        for (int dim = 0; dim < position.length; dim++) {
            if (position[dim] >= shape.dim(dim)) {
                throw new InjectionException("position " + Arrays.toString(position)
                        + " is outside the tensor of shape " + shape);
            }
            flat += position[dim] * shape.stride(dim);
        }
        return new int[] {flat};
    }

    @Override
    public String toString() {
        return "FixPosition(position=" + (position.length == 1 ? position[0] : Arrays.toString(position)) + ")";
    }
}
