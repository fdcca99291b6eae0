package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.experiment.AccuracyResult;
import dev.mrfi.core.experiment.Calibration;
import dev.mrfi.core.experiment.ExperimentToolkit;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the numbers of docs/experiments.md: the embedded LeNet's float and golden accuracy, its accuracy
 * under {@code default_fi} with a 95 % interval, and the ranges a calibration writes. Uses the full
 * Fashion-MNIST test set when Debian's {@code dataset-fashion-mnist} is installed, the 2,000 embedded
 * images otherwise.
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.mrfi.benchmarks.ToolkitNumbers [threads]}.
 */
public final class ToolkitNumbers {

    private ToolkitNumbers() {
    }

    /**
     * Runs the experiments and prints their results.
     *
     * @param args optionally the number of worker threads (default 2)
     * @throws IOException if the data set cannot be read
     */
    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Network lenet = LeNet.embedded();
        ClassificationModel model = new ClassificationModel() {
            @Override
            public List<ModuleDescriptor> describe() {
                return lenet.describe();
            }

            @Override
            public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                return lenet.forward(input, shape, hooks).data();
            }
        };
        Dataset test = FashionMnist.defaultTestSet();
        LabeledData data = new LabeledData(test.images().data(), test.images().shape(), test.labels());
        // snippet:toolkit
        Mrfi mrfi = Mrfi.load();
        EasyConfig config = mrfi.configs().preset("default_fi");
        ExperimentToolkit toolkit = mrfi.toolkit(config, model, data, 100, threads, 2024L);
        AccuracyResult floating = toolkit.floatAccuracy();     // Acc_golden(disable_quantization=True)
        AccuracyResult golden = toolkit.goldenAccuracy();      // Acc_golden
        AccuracyResult faulty = toolkit.accuracy(10);          // Acc_experiment, 10 trials
        Calibration.Result calibrated = new Calibration(toolkit).calibrate(Calibration.Method.MAX_ABS, 1000);
        calibrated.save(Path.of("lenet-calibrated.yaml"));     // a configuration tree with fixed ranges
        // end snippet
        System.out.println(data.size() + " images, " + threads + " threads");
        for (AccuracyResult result : List.of(floating, golden, faulty)) {
            System.out.print(result.table().toCsv().lines().skip(1).findFirst().orElseThrow() + "\n");
        }
        System.out.print(calibrated.table().toCsv());
        AccuracyResult fixed = toolkit.withConfig(calibrated.tree().toEasyConfig()).accuracy(10);
        System.out.println("calibrated accuracy(10): " + fixed.table().toCsv().lines().skip(1).findFirst().orElseThrow());
    }
}
