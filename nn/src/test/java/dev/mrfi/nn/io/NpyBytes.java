package dev.mrfi.nn.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds NPY files byte by byte, following the format specification, for tests that need unusual files. */
final class NpyBytes {

    private int major = 1;
    private String header;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    static NpyBytes header(String dict) {
        NpyBytes bytes = new NpyBytes();
        bytes.header = dict;
        return bytes;
    }

    NpyBytes version(int major) {
        this.major = major;
        return this;
    }

    NpyBytes order(ByteOrder order) {
        this.order = order;
        return this;
    }

    NpyBytes bytes(int... values) {
        for (int value : values) {
            data.write(value);
        }
        return this;
    }

    NpyBytes shorts(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * values.length).order(order);
        for (int value : values) {
            buffer.putShort((short) value);
        }
        data.writeBytes(buffer.array());
        return this;
    }

    NpyBytes ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(order);
        for (int value : values) {
            buffer.putInt(value);
        }
        data.writeBytes(buffer.array());
        return this;
    }

    NpyBytes longs(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(order);
        for (long value : values) {
            buffer.putLong(value);
        }
        data.writeBytes(buffer.array());
        return this;
    }

    NpyBytes floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(order);
        for (float value : values) {
            buffer.putFloat(value);
        }
        data.writeBytes(buffer.array());
        return this;
    }

    NpyBytes doubles(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(order);
        for (double value : values) {
            buffer.putDouble(value);
        }
        data.writeBytes(buffer.array());
        return this;
    }

    /** The magic string, the version, the little-endian header length, the header padded with spaces and a newline to 64 bytes, then the data. */
    byte[] build() {
        byte[] dict = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length + 1;
        int padding = (64 - unpadded % 64) % 64;
        int headerLength = dict.length + padding + 1;
        ByteBuffer buffer = ByteBuffer.allocate(8 + lengthBytes + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (lengthBytes == 2) {
            buffer.putShort((short) headerLength);
        } else {
            buffer.putInt(headerLength);
        }
        buffer.put(dict);
        for (int i = 0; i < padding; i++) {
            buffer.put((byte) ' ');
        }
        buffer.put((byte) '\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(buffer.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
