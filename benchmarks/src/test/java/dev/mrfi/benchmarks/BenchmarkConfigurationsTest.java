package dev.mrfi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.Network;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * Every configuration the benchmarks measure still loads and runs, so a renamed plugin or parameter
 * fails the build instead of a benchmark run. Nothing here is timed.
 */
class BenchmarkConfigurationsTest {

    private static List<String> params(Class<?> benchmark, String field) throws NoSuchFieldException {
        return List.of(benchmark.getField(field).getAnnotation(Param.class).value());
    }

    @Test
    void everyQuantizationSchemeRoundTripsActivations() throws NoSuchFieldException {
        assertThat(params(QuantizationBenchmark.class, "scheme")).containsExactlyElementsOf(Workloads.QUANTIZATIONS.keySet());
        for (String scheme : Workloads.QUANTIZATIONS.keySet()) {
            float[] data = Workloads.activations(4096, 1);
            Quantizer quantizer = Workloads.quantization(scheme).forTensor(data, 0, data.length);
            quantizer.quantize(data, 0, data.length);
            quantizer.dequantize(data, 0, data.length);
            for (float value : data) {
                assertThat(value).as(scheme).isBetween(-8f, 8f);
            }
        }
    }

    @Test
    void everyBenchmarkedSelectorChoosesAboutOnePositionInAThousand() throws NoSuchFieldException {
        TensorShape shape = Workloads.shapeOf(1_048_576);
        for (String method : params(SelectorBenchmark.class, "method")) {
            int[] positions = Workloads.selector(SelectorBenchmark.block(method, shape.size()))
                    .select(shape, new SplittableRandom(1));
            assertThat(positions).as(method).isNotNull();
            for (int position : positions) {
                assertThat(position).as(method).isBetween(0, shape.size() - 1);
            }
            assertThat(positions.length).as(method).isLessThan(3 * shape.size() / 1000);
        }
    }

    @Test
    void everyBenchmarkedErrorModeRuns() throws NoSuchFieldException {
        for (String mode : params(ErrorModeBenchmark.class, "mode")) {
            float[] values = {3f, -7f, 0f, 120f};
            Workloads.errorMode(ErrorModeBenchmark.block(mode)).apply(values, 0, values.length, new SplittableRandom(2));
            assertThat(values).as(mode).hasSize(4);
        }
    }

    @Test
    void thePipelineInjectsAboutOneFaultInAThousand() {
        float[] data = Workloads.activations(65_536, 3);
        float[] before = data.clone();
        Trial trial = Workloads.pipelinePlan().newTrial(7L);
        trial.onInput(Workloads.MODULE, data, Workloads.shapeOf(data.length));
        int changedMuch = 0;
        for (int i = 0; i < data.length; i++) {
            changedMuch += Math.abs(data[i] - before[i]) > 1e-3f ? 1 : 0;
        }
        assertThat(changedMuch).isBetween(1, 200);
    }

    @Test
    void leNetRunsGoldenAndWithDefaultFi() {
        Network network = Workloads.lenet();
        InjectionPlan plan = InjectionPlan.build(Workloads.preset("default_fi"), network.describe());
        Trial golden = plan.newTrial(1L);
        golden.setGolden(true);
        float[] logits = network.forward(Workloads.lenetBatch(), Workloads.lenetBatchShape(), golden).data();
        assertThat(logits).hasSize(Workloads.LENET_BATCH * 10);
        assertThat(network.forward(Workloads.lenetBatch(), Workloads.lenetBatchShape(), plan.newTrial(1L)).data())
                .hasSize(Workloads.LENET_BATCH * 10);
    }
}
