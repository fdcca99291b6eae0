package dev.mrfi.cli;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.core.experiment.LabeledData;
import java.util.Arrays;

/** The data an experiment feeds its model: normalised as the model expects, and checked before any trial. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Applies {@code (x - mean[c]) / std[c]} per channel (dimension 1 of the images).
     *
     * @param data the images, pixels / 255
     * @param mean one value or one per channel, or null for 0
     * @param std  one value or one per channel, or null for 1
     * @return the normalised data (the same object when neither is given)
     */
    static LabeledData normalised(LabeledData data, double[] mean, double[] std) {
        if (mean == null && std == null) {
            return data;
        }
        int[] dims = data.shape().dims();
        int channels = dims.length > 1 ? dims[1] : 1;
        double[] m = perChannel("--mean", mean, channels, 0.0);
        double[] s = perChannel("--std", std, channels, 1.0);
        for (double value : s) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new MrfiCommand.UserError("every --std must be a finite number greater than 0, got " + value);
            }
        }
        for (double value : m) {
            if (!Double.isFinite(value)) {
                throw new MrfiCommand.UserError("every --mean must be a finite number, got " + value);
            }
        }
        float[] images = data.images().clone();
        int plane = data.shape().size() / Math.max(1, dims[0] * channels);
        for (int i = 0; i < images.length; i++) {
            int c = (i / plane) % channels;
            images[i] = (float) ((images[i] - m[c]) / s[c]);
        }
        return new LabeledData(images, data.shape(), data.labels());
    }

    private static double[] perChannel(String option, double[] values, int channels, double fallback) {
        if (values == null) {
            double[] all = new double[channels];
            Arrays.fill(all, fallback);
            return all;
        }
        if (values.length == 1) {
            double[] all = new double[channels];
            Arrays.fill(all, values[0]);
            return all;
        }
        if (values.length != channels) {
            throw new MrfiCommand.UserError(option + " needs one value or one per channel (" + channels + "), got "
                    + values.length);
        }
        return values;
    }

    /**
     * Runs the first example through the model, before any trial, so that images the model cannot take,
     * or labels outside its classes, stop the command with the reason instead of failing every trial.
     *
     * @param model the model
     * @param data  the data
     * @param name  the model's name, for messages
     */
    static void checkFits(ClassificationModel model, LabeledData data, String name) {
        if (data.size() == 0) {
            throw new MrfiCommand.UserError("the data holds no images");
        }
        int[] dims = data.shape().dims();
        int per = data.images().length / data.size();
        dims[0] = 1;
        float[] logits;
        try {
            logits = model.forward(Arrays.copyOf(data.images(), per), TensorShape.of(dims), ForwardHooks.NONE);
        } catch (RuntimeException e) {
            throw new MrfiCommand.UserError("the images (" + TensorShape.of(dims) + " each) do not fit " + name + ": "
                    + e.getMessage());
        }
        int classes = logits.length;
        for (int label : data.labels()) {
            if (label < 0 || label >= classes) {
                throw new MrfiCommand.UserError("a label is " + label + " but " + name + " has " + classes
                        + " classes (0 to " + (classes - 1) + ")");
            }
        }
    }
}
