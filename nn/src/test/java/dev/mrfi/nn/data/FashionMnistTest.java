package dev.mrfi.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.io.DataFileError;
import dev.mrfi.nn.io.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @Test
    void embeddedSubsetHolds2000LabelledImagesInTheUnitRange() {
        Dataset subset = FashionMnist.embedded();

        assertThat(subset.size()).isEqualTo(2000);
        assertThat(subset.images().shape()).isEqualTo(TensorShape.of(2000, 1, 28, 28));
        assertThat(Arrays.stream(subset.labels()).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : subset.images().data()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void defaultTestSetIsTheInstalledFullSetOrElseTheSubset() throws IOException {
        Dataset test = FashionMnist.defaultTestSet();

        boolean installed = Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY);
        assertThat(test.size()).isEqualTo(installed ? 10_000 : 2000);
        assertThat(test.slice(0, 2000)).isEqualTo(FashionMnist.embedded());
    }

    @Test
    void loadsPlainOrGzippedFilesFromAFolder(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(3, 28, 28)));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(7, 8, 9));

        Dataset dataset = FashionMnist.load(folder);

        assertThat(dataset.size()).isEqualTo(3);
        assertThat(dataset.labels()).containsExactly(7, 8, 9);
        assertThat(dataset.images().shape()).isEqualTo(TensorShape.of(3, 1, 28, 28));
    }

    @Test
    void rejectsAFolderWithoutLabels(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(3, 28, 28));

        assertThatThrownBy(() -> FashionMnist.load(folder))
                .isInstanceOfSatisfying(DataFileException.class,
                        e -> assertThat(e.error()).isEqualTo(DataFileError.DATASET_MISSING_FILE))
                .hasMessage("[dataset/MissingFile] " + folder + ": holds neither t10k-labels-idx1-ubyte nor"
                        + " t10k-labels-idx1-ubyte.gz; a Fashion-MNIST folder has both the images and the labels of the"
                        + " test set");
    }

    @Test
    void rejectsDifferentNumbersOfImagesAndLabels(@TempDir Path folder) throws IOException {
        Path images = folder.resolve("t10k-images-idx3-ubyte");
        Path labels = folder.resolve("t10k-labels-idx1-ubyte.gz");
        Files.write(images, IdxFiles.images(3, 28, 28));
        Files.write(labels, IdxFiles.gzip(IdxFiles.labels(1, 2)));

        assertThatThrownBy(() -> FashionMnist.load(folder))
                .isInstanceOfSatisfying(DataFileException.class,
                        e -> assertThat(e.error()).isEqualTo(DataFileError.IDX_COUNT_MISMATCH))
                .hasMessage("[idx/CountMismatch] " + images + ": holds 3 images but " + labels + " holds 2 labels");
    }

    @Test
    void slicesCopyAContiguousRangeOfImagesAndLabels() {
        Dataset subset = FashionMnist.embedded();

        Dataset slice = subset.slice(10, 13);

        assertThat(slice.size()).isEqualTo(3);
        assertThat(slice.labels()).containsExactly(Arrays.copyOfRange(subset.labels(), 10, 13));
        assertThat(slice.images().data()).containsExactly(
                Arrays.copyOfRange(subset.images().data(), 10 * 784, 13 * 784));
        assertThat(subset.accuracy(subset.labels())).isEqualTo(1.0);
    }
}
