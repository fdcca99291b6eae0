package dev.mrfi.selector;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fixed positions: flat indices, or the reference's per-dimension lists (entry i of every list together
 * is point i). Uses no randomness.
 */
final class FixPositions implements Selector {

    /** The flat indices, or null in the per-dimension form. */
    private final int[] flat;
    /** One list per dimension, all of one length, or null in the flat form. */
    private final int[][] perDimension;

    private FixPositions(int[] flat, int[][] perDimension) {
        this.flat = flat;
        this.perDimension = perDimension;
    }

    static FixPositions flat(int[] indices) {
        return new FixPositions(indices, null);
    }

    static FixPositions perDimension(int[][] lists) {
        return new FixPositions(null, lists);
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        return flat != null ? checkedFlat(shape) : flattened(shape);
    }

    private int[] checkedFlat(TensorShape shape) {
        for (int i = 0; i < flat.length; i++) {
            if (flat[i] >= shape.size()) {
                throw new InjectionException("position " + flat[i] + " (entry " + i + " of positions) is outside"
                        + " the tensor of shape " + shape + ", which has " + shape.size() + " elements");
            }
        }
        return flat.clone();
    }

    private int[] flattened(TensorShape shape) {
        if (perDimension.length != shape.rank()) {
            throw new InjectionException("positions has " + perDimension.length + " per-dimension lists but the"
                    + " tensor of shape " + shape + " has " + shape.rank() + " dimensions; give one list per"
                    + " dimension ([[0, 1], [2, 3]] means the points (0, 2) and (1, 3)) or flat indices");
        }
        int points = perDimension.length == 0 ? 0 : perDimension[0].length;
        int[] indices = new int[points];
        for (int point = 0; point < points; point++) {
            int index = 0;
            for (int dim = 0; dim < perDimension.length; dim++) {
                int coordinate = perDimension[dim][point];
                if (coordinate >= shape.dim(dim)) {
                    throw new InjectionException("point " + point(point) + " (entry " + point + " of the"
                            + " per-dimension lists) is outside the tensor of shape " + shape);
                }
                index += coordinate * shape.stride(dim);
            }
            indices[point] = index;
        }
        return indices;
    }

    private String point(int point) {
        StringBuilder text = new StringBuilder("(");
        for (int dim = 0; dim < perDimension.length; dim++) {
            text.append(dim == 0 ? "" : ", ").append(perDimension[dim][point]);
        }
        return text.append(')').toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FixPositions(positions=");
        if (flat != null) {
            text.append(Arrays.toString(flat));
        } else {
            text.append(Arrays.deepToString(perDimension));
        }
        return text.append(')').toString();
    }
}
