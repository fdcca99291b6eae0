package dev.mrfi.onnx;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.util.Arrays;

/** The embedded Fashion-MNIST images, in batches, with accuracy and logits helpers. */
final class TestData {

    static final Dataset ALL = FashionMnist.embedded();
    static final int BATCH = 100;

    private TestData() {
    }

    static Dataset first(int count) {
        return ALL.slice(0, count);
    }

    /** Runs every batch of {@code data} and returns all logits, batch after batch. */
    static float[] logits(ClassificationModel model, Dataset data, ForwardHooks hooks) {
        int n = data.size();
        int[] dims = data.images().shape().dims();
        int per = data.images().data().length / n;
        float[] all = null;
        int classes = 0;
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            dims[0] = count;
            float[] batch = Arrays.copyOfRange(data.images().data(), start * per, (start + count) * per);
            float[] logits = model.forward(batch, TensorShape.of(dims), hooks);
            if (all == null) {
                classes = logits.length / count;
                all = new float[n * classes];
            }
            System.arraycopy(logits, 0, all, start * classes, logits.length);
        }
        return all;
    }

    static double accuracy(float[] logits, Dataset data) {
        int classes = logits.length / data.size();
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            if (best == data.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }
}
