package dev.mrfi.golden;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.util.List;
import java.util.Map;

/**
 * {@code pipeline} cases: one EasyConfig {@code faultinject} entry applied through the engine's hooks to
 * a {@code Linear} layer named {@code fc}. Activation cases compare the tensor that reaches the layer;
 * weight cases compare the weights used by a first and a second forward pass, which must both start
 * from the clean weights.
 */
final class PipelineCases implements GoldenCaseRunner {

    @Override
    public String kind() {
        return "pipeline";
    }

    @Override
    public void check(GoldenCase goldenCase, Mrfi mrfi) {
        EasyConfig config = new EasyConfigLoader(mrfi.blocks())
                .fromDocument(Map.of("faultinject", List.of(goldenCase.map("faultinject"))));
        TensorShape inputShape = TensorShape.of(goldenCase.ints("input_shape"));
        TensorShape weightShape = TensorShape.of(goldenCase.ints("weight_shape"));
        InjectionPlan plan = InjectionPlan.build(config, List.of(
                new ModuleDescriptor("", "Model", Map.of()),
                new ModuleDescriptor("fc", "Linear", Map.of("weight", weightShape,
                        "bias", TensorShape.of(weightShape.dim(0))))));
        Trial trial = plan.newTrial(0L);
        if (goldenCase.has("activation_after")) {
            float[] activation = goldenCase.floats("input");
            trial.onInput("fc", activation, inputShape);
            GoldenAssertions.assertSameValues(goldenCase.id(), "activation_after",
                    goldenCase.floats("activation_after"), activation);
        } else {
            float[] clean = goldenCase.floats("weight");
            float[] first = trial.onWeight("fc", "weight", clean, weightShape).clone();
            GoldenAssertions.assertSameValues(goldenCase.id(), "weight_after", goldenCase.floats("weight_after"), first);
            float[] second = trial.onWeight("fc", "weight", clean, weightShape);
            GoldenAssertions.assertSameValues(goldenCase.id(), "weight_after_second_run",
                    goldenCase.floats("weight_after_second_run"), second);
            GoldenAssertions.assertSameValues(goldenCase.id(), "clean weight (never modified)",
                    goldenCase.floats("weight"), clean);
        }
    }
}
