package dev.mrfi.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.core.Mrfi;
import dev.mrfi.core.experiment.BerPoint;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The reference's {@code default_fi} on the PyTorch model and MRFI-J on the same model exported to ONNX
 * are the same experiment. The numbers on the PyTorch side were measured by
 * {@code tools/reference/resnet_reference_curve.py} (float accuracy, and 10 repeats per BER of the
 * reference's algorithm on the first 2,000 test images, batch 128).
 */
class ReferenceFidelityTest {

    private static final double[] BERS = {2e-5, 5e-5, 1e-4};
    private static final int REPEATS = 3;

    private record ReferencePoint(double mean, double std, int repeats) {
    }

    private static Map<Double, ReferencePoint> referenceCurve() throws IOException {
        Map<Double, ReferencePoint> curve = new LinkedHashMap<>();
        try (InputStream in = ReferenceFidelityTest.class.getResourceAsStream("resnet-reference-curve.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                curve.put(Double.parseDouble(fields[0]), new ReferencePoint(Double.parseDouble(fields[2]),
                        Double.parseDouble(fields[3]), Integer.parseInt(fields[6])));
            }
        }
        return curve;
    }

    private static Properties pytorch() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReferenceFidelityTest.class.getResourceAsStream("resnet-float-accuracy.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void goldenAccuracyMatchesPyTorchAndTheCurveLiesWithinTheReferencesSpread() throws IOException {
        LabeledData data = new LabeledData(TestData.ALL.images().data(), TestData.ALL.images().shape(),
                TestData.ALL.labels());
        Mrfi mrfi = Mrfi.load();
        try (OnnxModel resnet = OnnxModel.resnetFashionMnist()) {
            Experiments experiments = mrfi.experiments(mrfi.configs().preset("default_fi"), resnet, data, 128, 2, 42);
            double floatAccuracy = TestData.accuracy(TestData.logits(resnet, TestData.ALL,
                    dev.mrfi.api.host.ForwardHooks.NONE), TestData.ALL);
            assertThat(floatAccuracy).isCloseTo(Double.parseDouble(pytorch().getProperty("images_2000")),
                    org.assertj.core.data.Offset.offset(0.002));

            List<BerPoint> rows = experiments.berSweep(BERS, REPEATS, Experiments.ProgressListener.NONE);
            assertThat(rows.get(0).accuracy().mean()).as("quantized golden")
                    .isCloseTo(Double.parseDouble(pytorch().getProperty("default_fi_golden_2000")),
                            org.assertj.core.data.Offset.offset(0.002));
            Map<Double, ReferencePoint> reference = referenceCurve();
            for (BerPoint row : rows.subList(1, rows.size())) {
                ReferencePoint expected = reference.get(row.ber());
                // two independent sample means: allow four standard errors of their difference
                double spread = 4 * Math.sqrt(expected.std() * expected.std() / expected.repeats()
                        + expected.std() * expected.std() / REPEATS) + 0.003;
                assertThat(row.accuracy().mean()).as("BER %s (reference %.4f +- %.4f)", row.ber(), expected.mean(),
                        expected.std()).isCloseTo(expected.mean(), org.assertj.core.data.Offset.offset(spread));
            }
        }
    }
}
