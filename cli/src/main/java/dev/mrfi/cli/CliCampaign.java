package dev.mrfi.cli;

import dev.mrfi.api.TensorShape;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.experiment.CampaignSource;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code mrfi experiment} runs, in a form a Spark executor can rebuild: the plugin folders, the preset
 * or the configuration file's bytes, the model's name and any model file's bytes, and the normalised data.
 * Files are shipped as bytes because executors may not see the driver's disk.
 *
 * @param pluginFolders the plugin folders (they must exist where the executors run)
 * @param preset        the preset, when {@code configName} is null
 * @param configName    the configuration file's name, or null
 * @param configBytes   its content, or null
 * @param modelName     {@code --model} as given (null for LeNet)
 * @param modelFile     the bytes of {@code --weights} or of an ONNX {@code --model} file, or null
 * @param modelFileName that file's name, or null
 * @param images        the normalised images
 * @param dims          their shape
 * @param labels        the labels
 * @param batchSize     images per forward pass
 * @param seed          the experiment seed
 */
record CliCampaign(List<String> pluginFolders, String preset, String configName, byte[] configBytes, String modelName,
                   byte[] modelFile, String modelFileName, float[] images, int[] dims, int[] labels, int batchSize,
                   long seed) implements CampaignSource {

    /** Reads the files a campaign needs, on the driver, so that executors never read the driver's disk. */
    static CliCampaign of(List<Path> pluginFolders, String preset, Path config, String modelName, Path weights,
                          LabeledData data, int batchSize, long seed) {
        try {
            Path modelFile = weights != null ? weights : modelName != null && !modelName.equals("lenet")
                    && !modelName.equals(Models.RESNET) ? Path.of(modelName) : null;
            return new CliCampaign(pluginFolders.stream().map(p -> p.toAbsolutePath().toString()).toList(), preset,
                    config == null ? null : config.getFileName().toString(),
                    config == null ? null : Files.readAllBytes(config), modelName,
                    modelFile == null ? null : Files.readAllBytes(modelFile),
                    modelFile == null ? null : modelFile.getFileName().toString(), data.images(), data.shape().dims(),
                    data.labels(), batchSize, seed);
        } catch (IOException e) {
            throw new MrfiCommand.UserError("cannot read a file to ship to Spark: " + e.getMessage());
        }
    }

    @Override
    public Experiments open() {
        try {
            Path folder = Files.createTempDirectory("mrfi-campaign");
            folder.toFile().deleteOnExit();
            Mrfi mrfi = Mrfi.loadLenient(pluginFolders.stream().map(Path::of).toList());
            Models.Choice chosen;
            if (modelFile == null) {
                chosen = Models.choose(modelName, null);
            } else if (modelName == null || modelName.equals("lenet")) {
                chosen = Models.choose(modelName, write(folder, modelFileName, modelFile));
            } else {
                chosen = Models.choose(write(folder, modelFileName, modelFile).toString(), null);
            }
            EasyConfig configuration = configName == null ? new EasyConfigLoader(mrfi.blocks()).preset(preset)
                    : ConfigFiles.load(mrfi.blocks(), write(folder, configName, configBytes), chosen.model().describe());
            LabeledData data = new LabeledData(images, TensorShape.of(dims), labels);
            return mrfi.experiments(configuration, chosen.model(), data, batchSize, 1, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the campaign on this executor", e);
        }
    }

    private static Path write(Path folder, String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        file.toFile().deleteOnExit();
        return file;
    }
}
