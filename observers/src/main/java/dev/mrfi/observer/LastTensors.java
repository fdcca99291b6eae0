package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import java.util.Arrays;
import java.util.Collections;

/** Copies of the last golden tensor and the last faulty tensor, as flat row-major arrays. */
final class LastTensors implements Observer {

    private float[] golden;
    private float[] faulty;

    @Override
    public void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        faulty = copy(faulty, data, offset, length);
    }

    @Override
    public void updateGolden(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        golden = copy(golden, data, offset, length);
    }

    private static float[] copy(float[] buffer, float[] data, int offset, int length) {
        float[] target = buffer != null && buffer.length == length ? buffer : new float[length];
        System.arraycopy(data, offset, target, 0, length);
        return target;
    }

    @Override
    public void reset() {
        golden = null;
        faulty = null;
    }

    /**
     * Returns the unmodifiable list {@code [golden, faulty]} of fresh {@code float[]} copies, an element
     * being null when no tensor of that kind was seen; null before the first tensor.
     */
    @Override
    public Object result() {
        if (golden == null && faulty == null) {
            return null;
        }
        return Collections.unmodifiableList(Arrays.asList(golden == null ? null : golden.clone(),
                faulty == null ? null : faulty.clone()));
    }
}
