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
import dev.mrfi.core.engine.FaultRecord;
import dev.mrfi.core.engine.FaultSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The studies on the shipped LeNet-5 with {@code default_fi} (16-bit signed codes): the bit study's ordering
 * (the sign bit hurts most, the next highest bits follow, the low half of the code is harmless), and what
 * each study injects, read from the fault sink. With one worker thread the trials run in submission order,
 * point after point, so the sink sees the points' faults one point after the other.
 */
class StudiesOnLeNetTest {

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

    @Test
    void theBitStudyFlipsExactlyTheRowsBitOfEveryFaultyCodeBitAfterBit() {
        List<FaultRecord> faults = Collections.synchronizedList(new ArrayList<>());
        studies(faults::add, 20).bit(1e-2, 1, Experiments.ProgressListener.NONE, null);
        assertThat(faults).isNotEmpty().allSatisfy(f -> assertThat(f.errorMode()).isEqualTo("IntFixedBitFlip"));
        List<Integer> bits = new ArrayList<>();
        for (FaultRecord fault : faults) {
            int flipped = ((int) fault.before() ^ (int) fault.after()) & 0xFFFF;
            assertThat(Integer.bitCount(flipped)).as("bits changed in %s", fault).isEqualTo(1);
            bits.add(Integer.numberOfTrailingZeros(flipped));
        }
        assertThat(bits).isSorted();
        assertThat(new TreeSet<>(bits)).hasSize(16).first().isEqualTo(0);
    }

    @Test
    void theChannelAndPixelStudiesFaultOnlyTheRowsPositionOfTheModulesInput() {
        List<FaultRecord> channelFaults = Collections.synchronizedList(new ArrayList<>());
        studies(channelFaults::add, 20).channel("conv2", 0.05, 1, Experiments.ProgressListener.NONE, null);
        assertThat(channelFaults).isNotEmpty()
                .allSatisfy(f -> assertThat(f.site()).isEqualTo("conv2/activation_in#0"));
        List<Integer> channels = channelFaults.stream().map(f -> f.coordinates()[1]).toList();
        assertThat(channels).isSorted();
        assertThat(new TreeSet<>(channels)).containsExactly(0, 1, 2, 3, 4, 5);

        List<FaultRecord> pixelFaults = Collections.synchronizedList(new ArrayList<>());
        studies(pixelFaults::add, 4).pixel("conv2", 0.5, 1, Experiments.ProgressListener.NONE, null);
        assertThat(pixelFaults).isNotEmpty()
                .allSatisfy(f -> assertThat(f.site()).isEqualTo("conv2/activation_in#0"));
        List<Integer> pixels = pixelFaults.stream().map(f -> f.coordinates()[2] * 14 + f.coordinates()[3]).toList();
        assertThat(pixels).isSorted();
        assertThat(new TreeSet<>(pixels)).hasSize(14 * 14);
    }

    /** The studies over the first {@code images} embedded images, one worker thread, every fault to {@code sink}. */
    private static Studies studies(FaultSink sink, int images) {
        Mrfi mrfi = Mrfi.load();
        Dataset dataset = FashionMnist.embedded();
        int perImage = 28 * 28;
        float[] pixels = java.util.Arrays.copyOf(dataset.images().data(), images * perImage);
        LabeledData data = new LabeledData(pixels, TensorShape.of(images, 1, 28, 28),
                java.util.Arrays.copyOf(dataset.labels(), images));
        Experiments experiments = new Experiments(new EasyConfigLoader(mrfi.blocks()).preset("default_fi"), lenet(),
                data, 128, 1, 0, sink);
        return new Studies(experiments, mrfi.blocks());
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
