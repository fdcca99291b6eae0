package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/** Selects nothing. */
final class EmptySelector implements Selector {

    static final EmptySelector INSTANCE = new EmptySelector();

    private static final int[] NONE = new int[0];

    private EmptySelector() {
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        return NONE;
    }

    @Override
    public String toString() {
        return "EmptySelector()";
    }
}
