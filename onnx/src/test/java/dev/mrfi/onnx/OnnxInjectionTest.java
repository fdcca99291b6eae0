package dev.mrfi.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.InjectionSite;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.data.Dataset;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine of core, with the built-in plugins, injecting into the shipped ResNet. */
class OnnxInjectionTest {

    private static final Dataset DATA = TestData.first(300);
    private static OnnxModel resnet;
    private static EasyConfigLoader loader;
    private static float[] golden;

    @BeforeAll
    static void load() {
        resnet = OnnxModel.resnetFashionMnist();
        loader = new EasyConfigLoader(Mrfi.load().blocks());
        golden = TestData.logits(resnet, DATA, ForwardHooks.NONE);
    }

    @AfterAll
    static void close() {
        resnet.close();
    }

    private static float[] run(InjectionPlan plan, long seed) {
        return TestData.logits(resnet, DATA, plan.newTrial(seed));
    }

    @Test
    void defaultPresetInjectsIntoEveryConvolutionInputAndRepeatsWithTheSameSeed() {
        EasyConfig config = loader.preset("default_fi");
        InjectionPlan plan = InjectionPlan.build(config, resnet.describe());
        Set<String> hooked = plan.sites().stream().map(InjectionSite::module).collect(Collectors.toSet());
        assertThat(hooked).contains("conv1", "layer1.0.conv1", "layer2.0.downsample.0", "layer3.0.conv2", "fc");

        double goldenAccuracy = TestData.accuracy(golden, DATA);
        float[] faulty = run(InjectionPlan.build(config.withBer(1e-3, OptionalInt.empty()), resnet.describe()), 7);
        assertThat(TestData.accuracy(faulty, DATA)).isLessThan(goldenAccuracy - 0.2);
        InjectionPlan mild = InjectionPlan.build(config.withBer(1e-5, OptionalInt.empty()), resnet.describe());
        float[] first = run(mild, 11);
        assertThat(first).isNotEqualTo(golden);
        assertThat(run(mild, 11)).isEqualTo(first);
    }

    @Test
    void goldenTrialOfTheDefaultPresetOnlyQuantizes() {
        InjectionPlan plan = InjectionPlan.build(loader.preset("default_fi"), resnet.describe());
        Trial trial = plan.newTrial(1);
        trial.setGolden(true);
        float[] quantized = TestData.logits(resnet, DATA, trial);
        assertThat(TestData.accuracy(quantized, DATA)).isCloseTo(TestData.accuracy(golden, DATA),
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void weightFaultsChangeTheOutputAndTheNextCleanPassIsTheGoldenAgain() {
        EasyConfig config = loader.preset("weight_fi").withBer(1e-3, OptionalInt.empty());
        InjectionPlan plan = InjectionPlan.build(config, resnet.describe());
        assertThat(plan.sites()).anyMatch(site -> site.name().startsWith("layer1.0.conv1/weight"));
        float[] faulty = run(plan, 3);
        assertThat(faulty).isNotEqualTo(golden);
        assertThat(TestData.logits(resnet, DATA, ForwardHooks.NONE)).isEqualTo(golden);
        assertThat(run(plan, 3)).isEqualTo(faulty);
    }

    @Test
    void activationOutputFaultsOnAResidualAddAndOnAConvolutionChangeTheOutput() {
        for (String module : new String[] {"layer2.0", "layer1.0.conv2"}) {
            EasyConfig config = loader.parse("""
                    faultinject:
                      - type: activation_out
                        module_fullname: [%s]
                        selector: {method: RandomPositionByRate, rate: 1e-2}
                        error_mode: {method: FloatRandomBitFlip, floattype: float32}
                    """.formatted(module), "test.yaml");
            InjectionPlan plan = InjectionPlan.build(config, resnet.describe());
            assertThat(plan.sites()).singleElement().satisfies(site -> assertThat(site.module()).isEqualTo(module));
            assertThat(run(plan, 5)).as(module).isNotEqualTo(golden);
        }
    }
}
