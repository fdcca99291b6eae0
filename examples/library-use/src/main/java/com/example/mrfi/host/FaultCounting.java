package com.example.mrfi.host;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The example's linear layer as a two-class classifier, swept over a bit error rate by the library's
 * experiments, with the library's fault sink replaced through Guice by one that counts every fault.
 */
public final class FaultCounting {

    /** {@code y = W x} for each example of a batch of 4-vectors: the host side, written against the api. */
    static final ClassificationModel MODEL = new ClassificationModel() {
        private final float[] cleanWeight = {0.1f, 0.2f, 0.3f, 0.4f, -0.4f, -0.3f, -0.2f, -0.1f};

        @Override
        public List<ModuleDescriptor> describe() {
            return List.of(new ModuleDescriptor("", "Host", Map.of()),
                    new ModuleDescriptor("fc", "Linear", Map.of("weight", LibraryUse.WEIGHT)));
        }

        @Override
        public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
            float[] x = input.clone();
            hooks.onInput("fc", x, shape);
            float[] weight = hooks.onWeight("fc", "weight", cleanWeight, LibraryUse.WEIGHT);
            int batch = shape.dim(0);
            float[] y = new float[batch * 2];
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < 2; o++) {
                    for (int i = 0; i < 4; i++) {
                        y[b * 2 + o] += weight[o * 4 + i] * x[b * 4 + i];
                    }
                }
            }
            hooks.onOutput("fc", y, TensorShape.of(batch, 2));
            return y;
        }
    };

    private FaultCounting() {
    }

    /** Eight examples: class 0 where the inputs rise, class 1 where they fall. */
    static LabeledData data() {
        float[] images = new float[8 * 4];
        int[] labels = new int[8];
        for (int b = 0; b < 8; b++) {
            for (int i = 0; i < 4; i++) {
                images[b * 4 + i] = (b % 2 == 0 ? i : 3 - i) + 0.1f * b;
            }
            labels[b] = b % 2;
        }
        return new LabeledData(images, TensorShape.of(8, 4), labels);
    }

    /** Runs a two-point sweep and returns how many values were faulted, as the replaced sink counted them. */
    static long countFaults(long seed) {
        LongAdder faults = new LongAdder();
        // snippet:override
        FaultSink counter = record -> faults.increment();      // called from every worker thread: thread-safe
        Mrfi mrfi = Mrfi.of(DiscoveredPlugins.discover(FaultCounting.class.getClassLoader()),
                binder -> binder.bind(FaultSink.class).toInstance(counter));
        EasyConfig config = mrfi.configs().parse(LibraryUse.CONFIG, "LibraryUse.CONFIG");
        mrfi.experiments(config, MODEL, data(), 4, 2, seed)
                .berSweep(new double[] {1e-3, 1e-2}, 3, Experiments.ProgressListener.NONE);
        // end snippet
        return faults.sum();
    }

    /** Prints the number of faults of a sweep; the optional argument is the seed. */
    public static void main(String[] args) {
        System.out.println("faults: " + countFaults(args.length > 0 ? Long.parseLong(args[0]) : 0L));
    }
}
