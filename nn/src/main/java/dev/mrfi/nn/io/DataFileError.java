package dev.mrfi.nn.io;

/**
 * Identifies a kind of problem with a data file: an NPY or NPZ array file, an IDX dataset file, or a
 * weights archive that does not fit its model. Each id prints as {@code [area/Name]} at the start of
 * its message, so tests and documentation can name it.
 */
public enum DataFileError {
    /** The file does not start with NPY's magic string {@code \x93NUMPY}. */
    NPY_BAD_MAGIC("npy", "BadMagic"),
    /** The NPY format version is not 1.0, 2.0 or 3.0. */
    NPY_UNSUPPORTED_VERSION("npy", "UnsupportedVersion"),
    /** The NPY header is not the dictionary {@code {'descr': ..., 'fortran_order': ..., 'shape': ...}}. */
    NPY_BAD_HEADER("npy", "BadHeader"),
    /** The array's dtype cannot be read as float32, for example complex or object arrays. */
    NPY_UNSUPPORTED_DTYPE("npy", "UnsupportedDtype"),
    /** The NPY file ends before the header or the data the header announces. */
    NPY_TRUNCATED("npy", "Truncated"),
    /** The NPY array has more elements than one Java array can hold. */
    NPY_TOO_LARGE("npy", "TooLarge"),
    /** The NPZ file is not a readable ZIP archive, or two entries have the same name. */
    NPZ_BAD_ARCHIVE("npz", "BadArchive"),
    /** The IDX file does not start with the magic number of the expected kind of file. */
    IDX_BAD_MAGIC("idx", "BadMagic"),
    /** The IDX file ends before the data its dimensions announce. */
    IDX_TRUNCATED("idx", "Truncated"),
    /** The IDX file announces more values than one Java array can hold. */
    IDX_TOO_LARGE("idx", "TooLarge"),
    /** The image and label files of a dataset hold different numbers of items. */
    IDX_COUNT_MISMATCH("idx", "CountMismatch"),
    /** A dataset folder lacks a file it must contain. */
    DATASET_MISSING_FILE("dataset", "MissingFile"),
    /** A weights archive lacks a weight a model needs, has one of the wrong shape, or has one it does not know. */
    MODEL_WEIGHT_MISMATCH("model", "WeightMismatch");

    private final String area;
    private final String label;

    DataFileError(String area, String label) {
        this.area = area;
        this.label = label;
    }

    /**
     * Returns the printed code, for example {@code npy/BadMagic}.
     *
     * @return area and name separated by a slash
     */
    public String code() {
        return area + "/" + label;
    }
}
