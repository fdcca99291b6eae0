package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.ModuleMatcher;
import dev.mrfi.core.experiment.AccuracyResult;
import dev.mrfi.core.experiment.BerObserveResult;
import dev.mrfi.core.experiment.BerSweepResult;
import dev.mrfi.core.experiment.ExperimentToolkit;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.core.experiment.ObserveResult;
import dev.mrfi.core.experiment.ObservedStatistic;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.nn.io.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The experiment toolkit on the pure-Java LeNet and the first 300 embedded Fashion-MNIST test images:
 * each of the reference's helpers gives the numbers a direct computation gives, carries its provenance,
 * and rejects observer mistakes with a configuration error.
 */
class ExperimentToolkitTest {

    static final Mrfi MRFI = Mrfi.load();
    static final Network LENET = LeNet.embedded();
    static final ClassificationModel MODEL = new ClassificationModel() {
        @Override
        public List<ModuleDescriptor> describe() {
            return LENET.describe();
        }

        @Override
        public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
            return LENET.forward(input, shape, hooks).data();
        }
    };
    static final LabeledData DATA = firstImages(300);
    static final EasyConfig DEFAULT_FI = MRFI.configs().preset("default_fi");
    static final long SEED = 7L;

    static LabeledData firstImages(int count) {
        Dataset dataset = FashionMnist.embedded().slice(0, count);
        return new LabeledData(dataset.images().data(), dataset.images().shape(), dataset.labels());
    }

    static ExperimentToolkit toolkit(EasyConfig config, int threads) {
        return MRFI.toolkit(config, MODEL, DATA, 50, threads, SEED);
    }

    private static EasyConfig threeBitActivations() {
        return MRFI.configs().parse("""
                faultinject:
                  - type: activation
                    module_name: [conv, fc]
                    quantization: {method: SymmericQuantization, dynamic_range: auto, bit_width: 3}
                    selector: {method: RandomPositionByRate, rate: 1e-3}
                    error_mode: {method: IntSignBitFlip, bit_width: 3}
                """, "three-bit.yaml");
    }

    @Test
    void logspaceDensityAgreesWithNumpyAndHitsEveryDecadeExactly() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("toolkit/logspace-density-numpy.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode c : cases) {
            double[] expected = new double[c.get("values").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Double.parseDouble(c.get("values").get(i).asText());
            }
            int low = c.get("low").asInt();
            int density = c.get("density").asInt();
            double[] actual = ExperimentToolkit.logspaceDensity(low, c.get("high").asInt(), density);
            assertThat(actual).as("case %s", c).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("case %s, point %d", c, i).isCloseTo(expected[i], within(Math.ulp(expected[i])));
                if (i % density == 0) {
                    assertThat(actual[i]).isEqualTo(Double.parseDouble("1e" + (low + i / density)));
                }
            }
        }
        assertThat(ExperimentToolkit.logspaceDensity(-8, -4, 3)).hasSize(13).startsWith(1e-8).endsWith(1e-4);
        assertThatThrownBy(() -> ExperimentToolkit.logspaceDensity(-4, -8, 3))
                .hasMessageContaining("low < high");
    }

    @Test
    void floatAccuracyIsThePlainNetworksAndIgnoresQuantization() {
        int correct = 0;
        int[] predictions = LENET.forward(new dev.mrfi.nn.Tensor(DATA.shape(), DATA.images().clone())).argmaxPerRow();
        for (int i = 0; i < predictions.length; i++) {
            correct += predictions[i] == DATA.labels()[i] ? 1 : 0;
        }
        ExperimentToolkit threeBits = toolkit(threeBitActivations(), 2);
        AccuracyResult floating = threeBits.floatAccuracy();
        AccuracyResult golden = threeBits.goldenAccuracy();

        assertThat(floating.accuracy().mean()).isEqualTo(correct / 300.0);
        assertThat(golden.accuracy().mean()).isLessThan(floating.accuracy().mean());
        assertThat(floating.provenance().experiment()).isEqualTo("float");
        assertThat(floating.provenance().images()).isEqualTo(300);
        assertThat(floating.accuracy().low()).isLessThan(floating.accuracy().mean());
        assertThat(floating.accuracy().high()).isGreaterThan(floating.accuracy().mean());
    }

    @Test
    void accuracyUnderTheConfigurationRepeatsTrialsWithAnIntervalAndProvenance() {
        ExperimentToolkit faulty = toolkit(DEFAULT_FI.withBer(2e-3, OptionalInt.empty()), 2);
        AccuracyResult result = faulty.accuracy(5);
        double golden = faulty.goldenAccuracy().accuracy().mean();

        assertThat(result.accuracy().repeats()).isEqualTo(5);
        assertThat(result.accuracy().mean()).isLessThan(golden);
        assertThat(result.accuracy().low()).isLessThan(result.accuracy().mean());
        assertThat(result.accuracy().high()).isGreaterThan(result.accuracy().mean());
        assertThat(result.provenance()).satisfies(p -> {
            assertThat(p.experiment()).isEqualTo("accuracy");
            assertThat(p.seed()).isEqualTo(SEED);
            assertThat(p.images()).isEqualTo(300);
            assertThat(p.repeats()).isEqualTo(5);
            assertThat(p.configuration()).isEqualTo(faulty.config().describe()).contains("IntSignBitFlip");
        });
        assertThat(result.table().toCsv()).startsWith(
                "experiment,accuracy_mean,accuracy_low,accuracy_high,repeats,failures\naccuracy,");
    }

    @Test
    void berSweepDelegatesWithDerivedOrExplicitBitsPerValue() {
        ExperimentToolkit toolkit = toolkit(DEFAULT_FI, 2);
        BerSweepResult derived = toolkit.berSweep(new double[] {1e-4}, 2, OptionalInt.empty());
        BerSweepResult explicit = toolkit.berSweep(new double[] {1e-4}, 2, OptionalInt.of(8));

        assertThat(derived.points()).hasSize(2);
        assertThat(derived.points().get(1).rate()).isCloseTo(16e-4, within(1e-15));
        assertThat(explicit.points().get(1).rate()).isCloseTo(8e-4, within(1e-15));
        assertThat(derived.provenance().repeats()).isEqualTo(2);
        assertThat(derived.table().header()).startsWith("ber", "rate", "bits_per_value", "accuracy_mean");
        assertThat(derived.points()).isEqualTo(new Experiments(DEFAULT_FI, MODEL, DATA, 50, 1, SEED)
                .berSweep(new double[] {1e-4}, 2, OptionalInt.empty(), Experiments.ProgressListener.NONE, null, null));
    }

    @Test
    void observeWithGoldenPairingMeasuresTheErrorOfEveryModule() {
        ExperimentToolkit faulty = toolkit(DEFAULT_FI.withBer(1e-3, OptionalInt.empty()), 2);
        ObserveResult result = faulty.observe("RMSE", false, ModuleMatcher.anyModule(), true, 3);

        ObservedStatistic output = result.find(".0").orElseThrow();
        assertThat(output.observer()).isEqualTo("RMSE");
        assertThat(output.point()).isEqualTo("output");
        assertThat(output.values()).singleElement().satisfies(v -> {
            assertThat(v.repeats()).isEqualTo(3);
            assertThat(v.mean()).isGreaterThan(0);
            assertThat(v.low()).isLessThanOrEqualTo(v.mean());
            assertThat(v.high()).isGreaterThanOrEqualTo(v.mean());
        });
        assertThat(result.statistics()).extracting(ObservedStatistic::module).contains("conv1", "fc3", "");
        assertThat(faulty.config().observe()).as("temporary observers leave the configuration alone").isEmpty();
        assertThat(result.table().toCsv()).contains("\n.0,,output,RMSE,0,");
    }

    @Test
    void observeWithoutGoldenRejectsObserversThatNeedAGoldenRun() {
        ExperimentToolkit faulty = toolkit(DEFAULT_FI, 1);
        assertThatThrownBy(() -> faulty.observe("RMSE", false, ModuleMatcher.anyModule(), false, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("observe[0].method: observer 'RMSE' compares each faulty pass with a golden one")
                .hasMessageContaining("MinMax");
        assertThatThrownBy(() -> faulty.observe("RMSD", false, ModuleMatcher.anyModule(), true, 1))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Did you mean 'RMSE'?");
    }

    @Test
    void observeWithoutGoldenSeesTheFaultyTensors() {
        ModuleMatcher fc3 = new ModuleMatcher(List.of(), List.of(), List.of("fc3"));
        double cleanMin = toolkit(DEFAULT_FI, 1).activationInfo("MinMax", true, fc3).find("fc3.pre.0").orElseThrow()
                .values().get(0).mean();
        ObserveResult faulty = toolkit(DEFAULT_FI.withBer(5e-3, OptionalInt.empty()), 1)
                .observe("MinMax", true, fc3, false, 1);

        assertThat(cleanMin).as("fc3 reads a ReLU's output").isGreaterThanOrEqualTo(0);
        assertThat(faulty.find("fc3.pre.0").orElseThrow().values().get(0).mean())
                .as("sign flips injected into fc3's input").isLessThan(0);
    }

    @Test
    void berObserveReportsObserversAtEveryRateWithoutStopping() {
        ExperimentToolkit toolkit = toolkit(DEFAULT_FI, 2);
        BerObserveResult result = toolkit.berObserve(new double[] {1e-7, 1e-3}, 2, OptionalInt.empty(), true,
                List.of(MRFI.configs().observer("RMSE", false, ModuleMatcher.anyModule())));

        assertThat(result.points()).extracting(BerObserveResult.Point::ber).containsExactly(1e-7, 1e-3);
        assertThat(result.points().get(1).rate()).isCloseTo(1.6e-2, within(1e-15));
        double low = result.points().get(0).observed().find(".0").orElseThrow().value();
        double high = result.points().get(1).observed().find(".0").orElseThrow().value();
        assertThat(high).isGreaterThan(low);
        assertThat(result.table().header()).startsWith("ber", "rate", "key");
        assertThat(result.table().rows()).allSatisfy(row -> assertThat(row.get(10)).isEqualTo("2"));
    }

    @Test
    void activationInfoObservesTheFloatModelsInputs() {
        ModuleMatcher conv1 = new ModuleMatcher(List.of(), List.of(), List.of("conv1"));
        ObserveResult result = toolkit(threeBitActivations(), 2).activationInfo("MinMax", true, conv1);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : DATA.images()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        ObservedStatistic input = result.find("conv1.pre.0").orElseThrow();
        assertThat(input.point()).isEqualTo("input");
        assertThat(input.values()).extracting(v -> v.mean()).containsExactly((double) min, (double) max);
        assertThat(result.statistics()).hasSize(1);
    }

    @Test
    void weightInfoObservesEveryNamedWeightOfTheMatchedModules() throws IOException {
        Map<String, NpyArray> state;
        try (InputStream in = LeNet.class.getResourceAsStream(LeNet.EMBEDDED_WEIGHTS)) {
            state = Npz.read(in, "embedded LeNet");
        }
        ExperimentToolkit toolkit = toolkit(DEFAULT_FI, 1);
        ObserveResult shapes = toolkit.weightInfo("Shape", List.of("weight"), ModuleMatcher.anyModule());
        ObserveResult ranges = toolkit.weightInfo("MaxAbs", List.of("weight", "bias"),
                new ModuleMatcher(List.of("fc"), List.of(), List.of()));

        assertThat(shapes.statistics()).extracting(ObservedStatistic::key)
                .containsExactly("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight", "fc3.weight");
        assertThat(shapes.find("fc2.weight").orElseThrow().values()).extracting(v -> v.mean())
                .containsExactly(84.0, 120.0);
        assertThat(ranges.statistics()).hasSize(6);
        for (ObservedStatistic statistic : ranges.statistics()) {
            float[] values = state.get(statistic.key()).data();
            double expected = 0;
            for (float v : values) {
                expected = Math.max(expected, Math.abs(v));
            }
            assertThat(statistic.value()).as(statistic.key()).isEqualTo(expected);
        }
        assertThatThrownBy(() -> toolkit.weightInfo("MaxAbs", List.of("weigth"), ModuleMatcher.anyModule()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("weight_name: no matched module has any of the weights [weigth]")
                .hasMessageContaining("conv1.weight");
    }

    @Test
    void activationInfoIgnoresTheConfigurationsOwnErrorObservers() {
        EasyConfig withRmse = DEFAULT_FI.withObserver(MRFI.configs().observer("RMSE", false, ModuleMatcher.anyModule()));
        ObserveResult result = toolkit(withRmse, 1).activationInfo("MaxAbs", false,
                new ModuleMatcher(List.of(), List.of(), List.of("fc3")));
        assertThat(result.statistics()).extracting(ObservedStatistic::key).containsExactly("fc3.0");
        assertThat(result.statistics()).extracting(ObservedStatistic::observer).containsExactly("MaxAbs");
    }
}
