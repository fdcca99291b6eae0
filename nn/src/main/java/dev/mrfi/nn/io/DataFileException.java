package dev.mrfi.nn.io;

import java.io.IOException;
import java.util.Objects;

/**
 * A data file exists and could be read but its content is wrong: {@code [<area>/<Name>] <file>: <problem>}.
 * The file is named as given, for an archive entry as {@code archive!entry}.
 */
public final class DataFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final DataFileError error;

    /**
     * Creates the exception.
     *
     * @param error   what kind of problem
     * @param source  the file, resource or archive entry
     * @param problem what is wrong and, where it helps, what was expected
     */
    public DataFileException(DataFileError error, String source, String problem) {
        super("[" + error.code() + "] " + source + ": " + problem);
        this.error = error;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param error   what kind of problem
     * @param source  the file, resource or archive entry
     * @param problem what is wrong
     * @param cause   the underlying failure
     */
    public DataFileException(DataFileError error, String source, String problem, Throwable cause) {
        super("[" + error.code() + "] " + source + ": " + problem, cause);
        this.error = error;
    }

    /**
     * Returns the kind of problem.
     *
     * @return the id printed at the start of the message
     */
    public DataFileError error() {
        return Objects.requireNonNull(error);
    }
}
