package dev.mrfi.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files by hand: big-endian magic, big-endian dimensions, unsigned bytes. */
final class IdxFiles {

    private IdxFiles() {
    }

    static byte[] idx(int magic, int[] dims, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + body.length);
        buffer.putInt(magic);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        buffer.put(body);
        return buffer.array();
    }

    static byte[] images(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        return idx(0x0803, new int[] {count, rows, cols}, pixels);
    }

    static byte[] labels(int... labels) {
        byte[] body = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            body[i] = (byte) labels[i];
        }
        return idx(0x0801, new int[] {labels.length}, body);
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
