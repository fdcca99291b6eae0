package dev.mrfi.cli;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.nn.Network;
import dev.mrfi.onnx.OnnxModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classifier an experiment runs on, from {@code --model} and {@code --weights}: the shipped LeNet-5
 * (optionally with other weights), the shipped ResNet, or any ONNX file. An ONNX model's native sessions
 * live as long as the command's process.
 */
final class Models {

    /** The {@code --model} value that names the shipped ResNet. */
    static final String RESNET = "resnet";

    /**
     * A model with the name that describes it in journals and logs.
     *
     * @param model the classifier
     * @param name  what it is, for example {@code embedded LeNet-5} or a file name
     */
    record Choice(ClassificationModel model, String name) {
    }

    private Models() {
    }

    static Choice choose(String model, Path weights) {
        if (model == null || model.equals("lenet")) {
            Network network = NnModels.lenet(weights);
            return new Choice(new ClassificationModel() {
                @Override
                public List<ModuleDescriptor> describe() {
                    return network.describe();
                }

                @Override
                public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                    return network.forward(input, shape, hooks).data();
                }
            }, weights == null ? "embedded LeNet-5" : weights.toString());
        }
        if (weights != null) {
            throw new MrfiCommand.UserError("--weights applies to LeNet-5 only; --model " + model
                    + " brings its own weights");
        }
        try {
            if (model.equals(RESNET)) {
                return new Choice(OnnxModel.resnetFashionMnist(), "embedded ResNet (ONNX)");
            }
            Path file = Path.of(model);
            if (!Files.isRegularFile(file)) {
                throw new MrfiCommand.UserError("--model must be 'lenet', '" + RESNET + "' or an .onnx file; " + model
                        + " is neither");
            }
            return new Choice(OnnxModel.load(file), file.toString());
        } catch (IllegalArgumentException e) {
            throw new MrfiCommand.UserError("cannot load the model: " + e.getMessage());
        }
    }
}
