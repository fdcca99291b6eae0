package dev.mrfi.selector;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/**
 * {@code n} uniform positions over the whole tensor, or {@code n} inside each instance of dimension 0
 * (grouped by instance: the first {@code n} in instance 0, and so on).
 */
final class RandomPositionByNumber implements Selector {

    private final int count;
    private final boolean perInstance;
    private final boolean distinct;

    RandomPositionByNumber(int count, boolean perInstance, boolean distinct) {
        this.count = count;
        this.perInstance = perInstance;
        this.distinct = distinct;
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        if (!perInstance) {
            return IndexSampler.draw(shape.size(), count, distinct, random);
        }
        if (shape.size() == 0) {
            return new int[0];
        }
        int instances = shape.rank() == 0 ? 1 : shape.dim(0);
        int block = shape.size() / instances;
        int perBlock = distinct ? Math.min(count, block) : count;
        long total = (long) perBlock * instances;
        IndexSampler.checkDraws(total, shape.size());
        if (total > TensorShape.MAX_ELEMENTS) {
            throw new InjectionException("n = " + count + " per instance over " + instances + " instances is "
                    + total + " positions, more than one array can hold");
        }
        int[] positions = new int[(int) total];
        for (int instance = 0; instance < instances; instance++) {
            int[] inBlock = IndexSampler.draw(block, perBlock, distinct, random);
            int offset = instance * block;
            for (int i = 0; i < perBlock; i++) {
                positions[instance * perBlock + i] = offset + inBlock[i];
            }
        }
        return positions;
    }

    @Override
    public String toString() {
        return "RandomPositionByNumber(n=" + count + ", per_instance=" + perInstance + ", distinct=" + distinct + ")";
    }
}
