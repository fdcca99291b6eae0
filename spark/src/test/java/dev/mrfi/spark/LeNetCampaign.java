package dev.mrfi.spark;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.experiment.CampaignSource;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.util.Arrays;
import java.util.List;

/** The embedded LeNet-5 on the first {@code images} embedded Fashion-MNIST test images, with a preset. */
record LeNetCampaign(String preset, int images, long seed) implements CampaignSource {

    @Override
    public Experiments open() {
        Mrfi mrfi = Mrfi.load();
        Network network = LeNet.embedded();
        ClassificationModel model = new ClassificationModel() {
            @Override
            public List<ModuleDescriptor> describe() {
                return network.describe();
            }

            @Override
            public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                return network.forward(input, shape, hooks).data();
            }
        };
        Dataset all = FashionMnist.embedded();
        int[] dims = all.images().shape().dims();
        int perImage = all.images().data().length / dims[0];
        dims[0] = images;
        LabeledData data = new LabeledData(Arrays.copyOf(all.images().data(), images * perImage), TensorShape.of(dims),
                Arrays.copyOf(all.labels(), images));
        return mrfi.experiments(new EasyConfigLoader(mrfi.blocks()).preset(preset), model, data, 64, 2, seed);
    }
}
