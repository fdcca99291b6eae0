package dev.mrfi.hardening;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A four-module model (root, conv1, relu1, fc1) driven through the engine's hooks with small random tensors:
 * one golden pass, then one faulty pass.
 */
final class SmallModel {

    static final List<ModuleDescriptor> MODULES = List.of(
            new ModuleDescriptor("", "Net", Map.of()),
            new ModuleDescriptor("conv1", "Conv2d", weights("weight", TensorShape.of(2, 1, 3, 3), "bias", TensorShape.of(2))),
            new ModuleDescriptor("relu1", "ReLU", Map.of()),
            new ModuleDescriptor("fc1", "Linear", weights("weight", TensorShape.of(3, 8), "bias", TensorShape.of(3))));

    private static final Map<String, TensorShape> INPUTS = Map.of(
            "", TensorShape.of(1, 1, 4, 4), "conv1", TensorShape.of(1, 1, 4, 4),
            "relu1", TensorShape.of(1, 2, 2, 2), "fc1", TensorShape.of(1, 8));
    private static final Map<String, TensorShape> OUTPUTS = Map.of(
            "", TensorShape.of(1, 3), "conv1", TensorShape.of(1, 2, 2, 2),
            "relu1", TensorShape.of(1, 2, 2, 2), "fc1", TensorShape.of(1, 3));

    private SmallModel() {
    }

    private static Map<String, TensorShape> weights(String name, TensorShape shape, String other, TensorShape otherShape) {
        Map<String, TensorShape> weights = new LinkedHashMap<>();
        weights.put(name, shape);
        weights.put(other, otherShape);
        return weights;
    }

    /**
     * Plans a configuration against the model and runs one golden and one faulty pass of every hook.
     *
     * @param config the validated configuration
     * @param seed   the trial's seed
     * @param random the source of the tensors' values
     * @throws dev.mrfi.api.InjectionException if a plugin or the engine rejects a tensor
     */
    static void run(EasyConfig config, long seed, SplittableRandom random) {
        InjectionPlan plan = InjectionPlan.build(config, MODULES);
        Trial trial = plan.newTrial(seed);
        for (boolean golden : new boolean[] {true, false}) {
            trial.setGolden(golden);
            for (ModuleDescriptor module : MODULES) {
                TensorShape in = INPUTS.get(module.fullName());
                trial.onInput(module.fullName(), values(in, random), in);
                for (Map.Entry<String, TensorShape> weight : module.weights().entrySet()) {
                    trial.onWeight(module.fullName(), weight.getKey(), values(weight.getValue(), random), weight.getValue());
                }
                TensorShape out = OUTPUTS.get(module.fullName());
                trial.onOutput(module.fullName(), values(out, random), out);
            }
        }
        trial.observerResults();
    }

    private static float[] values(TensorShape shape, SplittableRandom random) {
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 4 - 2);
        }
        if (values.length > 0 && random.nextInt(8) == 0) {
            float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, 0f};
            values[random.nextInt(values.length)] = special[random.nextInt(special.length)];
        }
        return values;
    }
}
