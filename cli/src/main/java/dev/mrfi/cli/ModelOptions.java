package dev.mrfi.cli;

import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.experiment.LabeledData;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What a campaign runs on, for {@code mrfi experiment} and {@code mrfi plan} alike: the classifier and its
 * weights, the images and their normalisation, the configuration and the batch size. One declaration, so
 * that a plan is made for exactly what the experiment with the same options would run.
 */
final class ModelOptions {

    @Option(names = "--preset", defaultValue = "default_fi",
            description = "Built-in configuration: default_fi, weight_fi, fxp_fi, fxp_weight_fi, float_fi, float_weight_fi (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--config", description = "An EasyConfig or a per-module configuration tree (YAML/JSON);"
            + " overrides --preset.")
    Path config;

    @Option(names = "--model", paramLabel = "lenet|resnet|FILE.onnx",
            description = "The classifier: the shipped LeNet-5 (default), the shipped ResNet, or any ONNX file.")
    String modelName;

    @Option(names = "--weights", description = "LeNet-5 weights as a NumPy .npz with PyTorch state_dict keys (default: the shipped model).")
    Path weights;

    @Option(names = "--data", description = "A folder of MNIST-format IDX files (t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]). Default: /usr/share/datasets/fashion-mnist if present, else the embedded 2,000 test images.")
    Path data;

    @Option(names = "--mean", split = ",", paramLabel = "M", description = "Per-channel mean subtracted from the"
            + " pixels (pixels / 255 in [0, 1]) for models trained on normalised inputs; one value, or one per channel.")
    double[] mean;

    @Option(names = "--std", split = ",", paramLabel = "S", description = "Per-channel standard deviation the"
            + " pixels are divided by after --mean; one value, or one per channel.")
    double[] std;

    @Option(names = "--batch-size", defaultValue = "128", description = "Images per forward pass; with auto ranges a batch shares one range (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** A configuration and the name runs report it under: the file's name, or the preset's. */
    record NamedConfiguration(EasyConfig configuration, String name) {
    }

    /** The chosen classifier, loaded. */
    Models.Choice model() {
        return Models.choose(modelName, weights);
    }

    /** The configuration file, validated against the model's modules, or the preset. */
    NamedConfiguration configuration(Mrfi mrfi, Models.Choice chosen) {
        if (config != null) {
            FileChecks.requireFile(config, "configuration file");
            return new NamedConfiguration(ConfigFiles.load(mrfi.blocks(), config, chosen.model().describe()),
                    config.getFileName().toString());
        }
        return new NamedConfiguration(new EasyConfigLoader(mrfi.blocks()).preset(preset), preset);
    }

    /** The images and labels, normalised as --mean and --std say and checked to fit the model. */
    LabeledData data(Models.Choice chosen) {
        LabeledData dataset = Inputs.normalised(NnModels.data(data), mean, std);
        Inputs.checkFits(chosen.model(), dataset, chosen.name());
        return dataset;
    }
}
