package dev.mrfi.cli;

import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the network and data the experiment command runs on, turning I/O problems into user errors. */
final class NnModels {

    private NnModels() {
    }

    static Network lenet(Path weights) {
        try {
            if (weights == null) {
                return LeNet.embedded();
            }
            FileChecks.requireFile(weights, "weights file");
            return LeNet.fromNpz(weights);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new MrfiCommand.UserError("cannot load LeNet weights" + (weights == null ? "" : " from " + weights)
                    + ": " + e.getMessage());
        }
    }

    static LabeledData data(Path folder) {
        try {
            if (folder != null && !Files.isDirectory(folder)) {
                throw new MrfiCommand.UserError("data folder " + folder + " does not exist");
            }
            Dataset dataset = folder == null ? FashionMnist.defaultTestSet() : FashionMnist.load(folder);
            return new LabeledData(dataset.images().data(), dataset.images().shape(), dataset.labels());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new MrfiCommand.UserError("cannot load data" + (folder == null ? "" : " from " + folder) + ": "
                    + e.getMessage());
        }
    }
}
