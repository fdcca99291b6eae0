package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.core.experiment.Studies;
import dev.mrfi.core.experiment.StudyResult;
import dev.mrfi.core.experiment.StudyRow;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bit study on the shipped LeNet-5 with {@code default_fi} (16-bit signed codes): flipping the sign bit
 * hurts most, the next highest bits follow in order, and the low half of the code is harmless.
 */
class BitStudyOrderingTest {

    @Test
    void theSignBitAndTheHighestBitsAreDamagingAndTheLowestBitsHarmless() {
        Mrfi mrfi = Mrfi.load();
        Dataset dataset = FashionMnist.embedded();
        LabeledData data = new LabeledData(dataset.images().data(), dataset.images().shape(), dataset.labels());
        Experiments experiments = mrfi.experiments(new EasyConfigLoader(mrfi.blocks()).preset("default_fi"),
                lenet(), data, 128, 2, 0);
        StudyResult result = new Studies(experiments, mrfi.blocks()).bit(1e-2, 2, Experiments.ProgressListener.NONE,
                null);

        List<StudyRow> rows = result.rows();
        assertThat(rows).hasSize(16);
        double golden = result.golden().mean();
        double[] accuracy = rows.stream().mapToDouble(r -> r.accuracy().mean()).toArray();
        assertThat(accuracy[15]).as("sign bit").isLessThan(golden - 0.2);
        assertThat(accuracy[15]).isLessThan(accuracy[14]);
        assertThat(accuracy[14]).isLessThan(accuracy[13]);
        assertThat(accuracy[13]).isLessThan(golden - 0.01);
        for (int bit = 0; bit < 15; bit++) {
            assertThat(accuracy[15]).as("sign bit against bit %d", bit).isLessThan(accuracy[bit]);
        }
        for (int bit = 0; bit < 8; bit++) {
            assertThat(accuracy[bit]).as("bit %d", bit).isCloseTo(golden, org.assertj.core.data.Offset.offset(0.002));
        }
    }

    private static ClassificationModel lenet() {
        Network network = LeNet.embedded();
        return new ClassificationModel() {
            @Override
            public List<ModuleDescriptor> describe() {
                return network.describe();
            }

            @Override
            public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                return network.forward(input, shape, hooks).data();
            }
        };
    }
}
