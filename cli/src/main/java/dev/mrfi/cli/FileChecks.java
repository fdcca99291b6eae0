package dev.mrfi.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** What is wrong with a path the user gave, in words: checks before the work, reasons after a failed write. */
final class FileChecks {

    private FileChecks() {
    }

    /**
     * Requires a regular file: a folder, a pipe or device, or {@code -} (which reads no standard input here)
     * is named for what it is rather than reported missing.
     *
     * @param file the path given
     * @param what what the file is, for example {@code configuration file}
     */
    static void requireFile(Path file, String what) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (file.toString().equals("-")) {
            throw new MrfiCommand.UserError(what + " '-' is not a file: standard input is not read; give a file");
        }
        if (Files.isDirectory(file)) {
            throw new MrfiCommand.UserError(what + " " + file + " is a folder, not a file");
        }
        if (Files.exists(file)) {
            throw new MrfiCommand.UserError(what + " " + file + " is not a regular file (a device, pipe or socket);"
                    + " give a file");
        }
        throw new MrfiCommand.UserError(what + " " + file + " does not exist");
    }

    /**
     * Refuses two options that name the same file, compared as normalised absolute paths and, when both
     * exist, as the same file on disk (links, bind mounts).
     */
    static void requireDifferent(String option, Path file, String otherOption, Path other) {
        if (file == null || other == null) {
            return;
        }
        boolean same = file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
        try {
            same = same || (Files.exists(file) && Files.exists(other) && Files.isSameFile(file, other));
        } catch (IOException e) {
            // unreadable: the read or the write that follows reports it with its reason
        }
        if (same) {
            String paths = file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())
                    ? other.toString() : file + " and " + other;
            throw new MrfiCommand.UserError(option + " and " + otherOption + " are the same file (" + paths + "); the"
                    + " run would overwrite one with the other. Give different paths");
        }
    }

    /**
     * Says why a file operation failed: the exception's message is often only the file's name.
     *
     * @param e the failure
     * @return for example {@code permission denied} or {@code the folder /x does not exist}
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            Path parent = missing.getFile() == null ? null : Path.of(missing.getFile()).getParent();
            return parent == null ? "the folder does not exist" : "the folder " + parent + " does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
