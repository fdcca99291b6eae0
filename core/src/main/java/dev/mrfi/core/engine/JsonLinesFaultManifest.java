package dev.mrfi.core.engine;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one JSON line per injected value. Synchronized, so trials on several threads may share it. */
public final class JsonLinesFaultManifest implements FaultSink, Closeable {

    private final BufferedWriter writer;

    /**
     * Creates (or replaces) a manifest file.
     *
     * @param file the file
     * @throws IOException if it cannot be created
     */
    public JsonLinesFaultManifest(Path file) throws IOException {
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void accept(FaultRecord record) {
        try {
            writer.write(record.toJson());
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
