package dev.mrfi.nn.data;

import dev.mrfi.nn.Tensor;
import dev.mrfi.nn.io.DataFileError;
import dev.mrfi.nn.io.DataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Fashion-MNIST test set: 28×28 grey-scale images of ten kinds of clothing, as float32
 * {@code [N, 1, 28, 28]} holding {@code pixel / 255f} (see {@link Idx}).
 *
 * <pre>{@code
 * Dataset test = FashionMnist.defaultTestSet();   // 10,000 images if installed, else the 2,000 bundled
 * }</pre>
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String IMAGES_FILE = "t10k-images-idx3-ubyte";
    private static final String LABELS_FILE = "t10k-labels-idx1-ubyte";
    private static final String EMBEDDED_IMAGES = "/dev/mrfi/nn/fashion-mnist-test-2000-images-idx3-ubyte.gz";
    private static final String EMBEDDED_LABELS = "/dev/mrfi/nn/fashion-mnist-test-2000-labels-idx1-ubyte.gz";

    private FashionMnist() {
    }

    /**
     * Loads the test set from a folder holding {@code t10k-images-idx3-ubyte} and
     * {@code t10k-labels-idx1-ubyte}, each plain or with {@code .gz} (the plain file is preferred if both
     * exist).
     *
     * @param directory the folder
     * @return the images and labels
     * @throws DataFileException if a file is missing, malformed, or the counts of images and labels differ
     * @throws IOException       if a file cannot be read
     */
    public static Dataset load(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory is null");
        Path images = find(directory, IMAGES_FILE);
        Path labels = find(directory, LABELS_FILE);
        return combine(Idx.readImages(images), Idx.readLabels(labels), images.toString(), labels.toString());
    }

    /**
     * Loads the first 2,000 test images and labels bundled in this JAR.
     *
     * @return the images and labels
     * @throws UncheckedIOException if the bundled files are missing or damaged, a packaging fault
     */
    public static Dataset embedded() {
        try (InputStream images = resource(EMBEDDED_IMAGES); InputStream labels = resource(EMBEDDED_LABELS)) {
            return combine(Idx.readImages(images, "resource " + EMBEDDED_IMAGES), Idx.readLabels(labels,
                    "resource " + EMBEDDED_LABELS), EMBEDDED_IMAGES, EMBEDDED_LABELS);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled Fashion-MNIST subset cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the full test set from {@link #DEBIAN_DIRECTORY} if that folder exists, otherwise the bundled
     * subset.
     *
     * @return the images and labels
     * @throws IOException if the folder exists but its files cannot be read
     */
    public static Dataset defaultTestSet() throws IOException {
        return Files.isDirectory(DEBIAN_DIRECTORY) ? load(DEBIAN_DIRECTORY) : embedded();
    }

    private static Path find(Path directory, String name) throws DataFileException {
        for (String candidate : List.of(name, name + ".gz")) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DataFileException(DataFileError.DATASET_MISSING_FILE, directory.toString(), "holds neither " + name
                + " nor " + name + ".gz; a Fashion-MNIST folder has both the images and the labels of the test set");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = FashionMnist.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is not on the class path");
        }
        return in;
    }

    private static Dataset combine(Tensor images, int[] labels, String imagesSource, String labelsSource)
            throws DataFileException {
        int imageCount = images.shape().dim(0);
        if (imageCount != labels.length) {
            throw new DataFileException(DataFileError.IDX_COUNT_MISMATCH, imagesSource, "holds " + imageCount
                    + " images but " + labelsSource + " holds " + labels.length + " labels");
        }
        return new Dataset(images, labels);
    }
}
