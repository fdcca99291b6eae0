package dev.mrfi.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialTest {

    private static final List<ModuleDescriptor> MODEL = List.of(
            new ModuleDescriptor("", "Net", Map.of()),
            new ModuleDescriptor("fc1", "Linear", Map.of("weight", TensorShape.of(2, 3), "bias", TensorShape.of(2))),
            new ModuleDescriptor("fc2", "Linear", Map.of("weight", TensorShape.of(2, 2))),
            new ModuleDescriptor("conv", "Conv2d", Map.of()));

    private static InjectionPlan plan(String yaml) {
        EasyConfig config = new EasyConfigLoader(FakePlugins.mrfi().blocks()).parse(yaml, "test.yaml");
        return InjectionPlan.build(config, MODEL);
    }

    private static final String WEIGHT_NEGATE = "faultinject:\n"
            + "  - type: weight\n    module_name: fc1\n"
            + "    quantization: {method: TimesTen, bit_width: 8}\n"
            + "    selector: {method: FirstN, n: 2}\n"
            + "    error_mode: {method: Negate, bit_width: 8}\n";

    @Test
    void weightFaultsStartFromTheCleanWeightsEveryPassAndNeverTouchThem() {
        Trial trial = plan(WEIGHT_NEGATE).newTrial(1);
        float[] clean = {0.11f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        float[] first = trial.onWeight("fc1", "weight", clean, TensorShape.of(2, 3)).clone();
        float[] second = trial.onWeight("fc1", "weight", clean, TensorShape.of(2, 3)).clone();
        assertThat(first).containsExactly(-0.1f, -0.2f, 0.3f, 0.4f, 0.5f, 0.6f);
        assertThat(second).containsExactly(first);
        assertThat(clean).containsExactly(0.11f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f);
    }

    @Test
    void disablingInjectionOrAGoldenRunGivesTheCleanOrMerelyQuantizedWeights() {
        Trial trial = plan(WEIGHT_NEGATE).newTrial(1);
        float[] clean = {0.11f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        trial.onWeight("fc1", "weight", clean, TensorShape.of(2, 3));
        trial.setEntryEnabled(0, false);
        assertThat(trial.onWeight("fc1", "weight", clean, TensorShape.of(2, 3))).isSameAs(clean);
        trial.setEntryEnabled(0, true);
        trial.setInjectionEnabled(false);
        assertThat(trial.onWeight("fc1", "weight", clean, TensorShape.of(2, 3))).isSameAs(clean);
        trial.setInjectionEnabled(true);
        trial.setGolden(true);
        assertThat(trial.onWeight("fc1", "weight", clean, TensorShape.of(2, 3)))
                .containsExactly(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f);
    }

    @Test
    void layerwiseQuantizesEveryElementWhileFiOnlyTouchesOnlySelectedOnes() {
        float[] layerwise = {0.11f, 0.22f, 0.33f};
        plan(WEIGHT_NEGATE.replace("type: weight", "type: activation")).newTrial(1)
                .onInput("fc1", layerwise, TensorShape.of(1, 3));
        assertThat(layerwise).containsExactly(-0.1f, -0.2f, 0.3f);
        float[] fiOnly = {0.11f, 0.22f, 0.33f};
        plan(WEIGHT_NEGATE.replace("type: weight", "type: activation")
                .replace("bit_width: 8}\n    selector", "bit_width: 8, layerwise: false}\n    selector"))
                .newTrial(1).onInput("fc1", fiOnly, TensorShape.of(1, 3));
        assertThat(fiOnly).containsExactly(-0.1f, -0.2f, 0.33f);
    }

    @Test
    void matchesModulesByNameSubstringTypeSubstringOrFullNameAsAUnion() {
        InjectionPlan plan = plan("faultinject:\n  - type: activation_out\n    module_name: fc\n"
                + "    module_type: Conv\n    error_mode: {method: Add100}\n");
        assertThat(plan.sites()).extracting(InjectionSite::name)
                .containsExactly("conv/activation_out#0", "fc1/activation_out#0", "fc2/activation_out#0");
        InjectionPlan exact = plan("faultinject:\n  - type: activation\n    module_fullname: fc2\n"
                + "    error_mode: {method: Add100}\n");
        assertThat(exact.sites()).extracting(InjectionSite::name).containsExactly("fc2/activation_in#0");
    }

    @Test
    void reportsAnEntryThatMatchesNoModuleAndAMissingWeight() {
        InjectionPlan plan = plan("faultinject:\n  - type: activation\n    module_name: lstm\n"
                + "    error_mode: {method: Add100}\n  - type: weight\n    name: [weight, bias]\n"
                + "    module_name: fc2\n    error_mode: {method: Add100}\n");
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("faultinject[0] matches no module of the model"))
                .anyMatch(w -> w.startsWith("faultinject[1]: module 'fc2' (Linear) has no weight 'bias'"));
    }

    private static float[] runSites(InjectionPlan plan, long seed) {
        Trial trial = plan.newTrial(seed);
        float[] all = new float[0];
        for (int call = 0; call < 3; call++) {
            for (String module : List.of("fc1", "fc2", "conv")) {
                float[] data = new float[1000];
                trial.onInput(module, data, TensorShape.of(10, 100));
                float[] joined = java.util.Arrays.copyOf(all, all.length + data.length);
                System.arraycopy(data, 0, joined, all.length, data.length);
                all = joined;
            }
        }
        return all;
    }

    @Test
    void theSameSeedGivesTheSameFaultsOnOneOrEightThreads() throws Exception {
        InjectionPlan plan = plan("seed: 7\nfaultinject:\n  - type: activation\n    module_name: ''\n"
                + "    selector: {method: RandomByRate, rate: 0.01}\n    error_mode: {method: Add100}\n");
        List<float[]> sequential = new ArrayList<>();
        for (long seed = 0; seed < 16; seed++) {
            sequential.add(runSites(plan, seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> parallel = new ArrayList<>();
            for (long seed = 15; seed >= 0; seed--) {
                long s = seed;
                parallel.add(pool.submit(() -> runSites(plan, s)));
            }
            for (int i = 0; i < 16; i++) {
                assertThat(parallel.get(i).get()).containsExactly(sequential.get(15 - i));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sequential.get(0)).isNotEqualTo(sequential.get(1));
    }

    @Test
    void aSitesFaultsDoNotDependOnWhichOtherSitesAreEnabled() {
        String yaml = "faultinject:\n  - type: activation\n    module_name: fc1\n"
                + "    selector: {method: RandomByRate, rate: 0.01}\n    error_mode: {method: Add100}\n"
                + "  - type: activation\n    module_name: fc2\n"
                + "    selector: {method: RandomByRate, rate: 0.01}\n    error_mode: {method: Add100}\n";
        Trial both = plan(yaml).newTrial(3);
        Trial onlyFc2 = plan(yaml).newTrial(3);
        onlyFc2.setEntryEnabled(0, false);
        float[] a = new float[500];
        float[] b = new float[500];
        both.onInput("fc1", new float[500], TensorShape.of(500));
        both.onInput("fc2", a, TensorShape.of(500));
        onlyFc2.onInput("fc2", b, TensorShape.of(500));
        assertThat(a).containsExactly(b);
    }

    @Test
    void aManifestReplaysARunExactly(@TempDir Path folder) throws IOException {
        InjectionPlan plan = plan("faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: TimesTen, bit_width: 16}\n"
                + "    selector: {method: RandomByRate, rate: 0.05}\n    error_mode: {method: Negate, bit_width: 16}\n");
        Path manifest = folder.resolve("faults.jsonl");
        float[] original = new float[200];
        for (int i = 0; i < original.length; i++) {
            original[i] = (i % 17) / 10f;
        }
        float[] recorded = original.clone();
        try (JsonLinesFaultManifest sink = new JsonLinesFaultManifest(manifest)) {
            plan.newTrial(11, sink).onInput("fc1", recorded, TensorShape.of(2, 100));
        }
        List<String> lines = Files.readAllLines(manifest);
        assertThat(lines).hasSize(10).allMatch(l -> l.startsWith("{\"site\":\"fc1/activation_in#0\",\"call\":0,"));
        float[] replayed = original.clone();
        plan.replayTrial(FaultReplay.read(manifest), FaultSink.NONE).onInput("fc1", replayed, TensorShape.of(2, 100));
        assertThat(replayed).containsExactly(recorded);
    }

    @Test
    void aSelectorPositionOutsideTheTensorIsAnErrorNamingTheSite() {
        InjectionPlan plan = plan("faultinject:\n  - type: activation\n    module_name: fc1\n"
                + "    selector: {method: FirstN, n: 5}\n    error_mode: {method: Add100}\n");
        assertThatThrownBy(() -> plan.newTrial(0).onInput("fc1", new float[3], TensorShape.of(3)))
                .isInstanceOf(InjectionException.class)
                .hasMessageStartingWith("at fc1/activation_in#0 (call 0): selector FirstN ("
                        + FakePlugins.FirstN.class.getName() + " (from ")
                .hasMessageEndingWith(") chose position 3, outside the tensor of shape [3] (3 elements)");
    }

    @Test
    void anIntegerErrorModeThatWritesNaNFailsNamingThePluginAndItsSource() {
        InjectionPlan plan = plan("faultinject:\n  - type: activation\n    module_name: fc1\n"
                + "    quantization: {method: TimesTen, bit_width: 8}\n"
                + "    selector: {method: FirstN, n: 1}\n    error_mode: {method: BrokenNaN, bit_width: 8}\n");
        assertThatThrownBy(() -> plan.newTrial(0).onInput("fc1", new float[] {0.1f, 0.2f}, TensorShape.of(2)))
                .isInstanceOf(InjectionException.class)
                .hasMessageStartingWith("at fc1/activation_in#0 (call 0): error mode "
                        + FakePlugins.BrokenNaN.class.getName() + " (from ")
                .hasMessageEndingWith(" wrote NaN into an integer code at position 0");
    }
}
