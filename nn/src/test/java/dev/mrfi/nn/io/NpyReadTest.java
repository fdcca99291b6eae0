package dev.mrfi.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Reading files built by hand from the NPY specification, for cases NumPy's samples do not cover. */
class NpyReadTest {

    private static NpyArray read(NpyBytes bytes) throws IOException {
        return read(bytes.build());
    }

    private static NpyArray read(byte[] bytes) throws IOException {
        return Npy.read(new ByteArrayInputStream(bytes), "test.npy");
    }

    private static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    private static void assertFails(ThrowingCallable call, DataFileError error, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DataFileException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessage(message);
    }

    @Test
    void readsEveryIntegerTypeInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            String o = order == ByteOrder.LITTLE_ENDIAN ? "<" : ">";
            assertThat(read(NpyBytes.header(header(o + "i2", "(3,)")).order(order).shorts(-32768, -1, 32767)).data())
                    .containsExactly(-32768, -1, 32767);
            assertThat(read(NpyBytes.header(header(o + "u2", "(2,)")).order(order).shorts(0xFFFF, 1)).data())
                    .containsExactly(65535, 1);
            assertThat(read(NpyBytes.header(header(o + "i4", "(2,)")).order(order).ints(Integer.MIN_VALUE, 16777217)).data())
                    .containsExactly(-2147483648f, 16777216f);
            assertThat(read(NpyBytes.header(header(o + "u4", "(2,)")).order(order).ints(-1, 7)).data())
                    .containsExactly(4294967295f, 7);
            assertThat(read(NpyBytes.header(header(o + "i8", "(2,)")).order(order).longs(Long.MIN_VALUE, -5)).data())
                    .containsExactly(-9.223372e18f, -5);
            assertThat(read(NpyBytes.header(header(o + "u8", "(3,)")).order(order).longs(-1L, 1L << 63, 12)).data())
                    .containsExactly(1.8446744e19f, 9.223372e18f, 12);
        }
    }

    @Test
    void roundsUnsigned64BitValuesToTheNearestFloat() throws IOException {
        long justAboveHalfway = (1L << 63) + (1L << 39) + 1;

        NpyArray array = read(NpyBytes.header(header("<u8", "(1,)")).longs(justAboveHalfway));

        assertThat(array.data()[0]).isEqualTo(0x1.000002p63f);
    }

    @Test
    void readsOneByteTypesWithoutByteOrder() throws IOException {
        NpyArray bools = read(NpyBytes.header(header("|b1", "(3,)")).bytes(0, 1, 1));
        NpyArray int8 = read(NpyBytes.header(header("|i1", "(2,)")).bytes(0x80, 0x7F));
        NpyArray uint8 = read(NpyBytes.header(header("|u1", "(2,)")).bytes(0xFF, 0));

        assertThat(bools.data()).containsExactly(0, 1, 1);
        assertThat(bools.dtype()).isEqualTo(NpyDtype.BOOL);
        assertThat(int8.data()).containsExactly(-128, 127);
        assertThat(uint8.data()).containsExactly(255, 0);
    }

    @Test
    void readsFloatTypesInBothByteOrders() throws IOException {
        NpyArray f8 = read(NpyBytes.header(header(">f8", "(2,)")).order(ByteOrder.BIG_ENDIAN).doubles(0.1, -1e300));
        NpyArray f4 = read(NpyBytes.header(header(">f4", "(2,)")).order(ByteOrder.BIG_ENDIAN).floats(1.5f, Float.NaN));
        NpyArray f2 = read(NpyBytes.header(header(">f2", "(2,)")).order(ByteOrder.BIG_ENDIAN).shorts(0x3C00, 0xC000));

        assertThat(f8.data()).containsExactly(0.1f, Float.NEGATIVE_INFINITY);
        assertThat(f8.dtype()).isEqualTo(NpyDtype.FLOAT64);
        assertThat(f4.data()).containsExactly(1.5f, Float.NaN);
        assertThat(f2.data()).containsExactly(1f, -2f);
    }

    @Test
    void reordersFortranArraysToRowMajor() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3, 2), }";
        float[] columnMajor = new float[12];
        // element (i, j, k) = 100i + 10j + k sits at i + 2j + 6k in column-major order
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    columnMajor[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
                }
            }
        }

        NpyArray array = read(NpyBytes.header(dict).floats(columnMajor));

        assertThat(array.shape()).isEqualTo(TensorShape.of(2, 3, 2));
        assertThat(array.data()).containsExactly(0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121);
    }

    @Test
    void readsScalarsAndEmptyArrays() throws IOException {
        NpyArray scalar = read(NpyBytes.header(header("<i4", "()")).ints(-7));
        NpyArray empty = read(NpyBytes.header(header("<f4", "(0, 5)")));

        assertThat(scalar.shape().rank()).isZero();
        assertThat(scalar.data()).containsExactly(-7);
        assertThat(empty.shape()).isEqualTo(TensorShape.of(0, 5));
        assertThat(empty.data()).isEmpty();
    }

    @Test
    void readsVersion2And3HeadersAndPython2Integers() throws IOException {
        NpyArray v2 = read(NpyBytes.header(header("<f4", "(2L, 1L)")).version(2).floats(1, 2));
        NpyArray v3 = read(NpyBytes.header("{\"descr\": \"<f4\", \"shape\": (1,), \"fortran_order\": False}").version(3)
                .floats(3));

        assertThat(v2.shape()).isEqualTo(TensorShape.of(2, 1));
        assertThat(v2.data()).containsExactly(1, 2);
        assertThat(v3.data()).containsExactly(3);
    }

    @Test
    void leavesTheStreamRightAfterTheArray() throws IOException {
        byte[] first = NpyBytes.header(header("<f4", "(1,)")).floats(1).build();
        byte[] second = NpyBytes.header(header("<f4", "(1,)")).floats(2).build();
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        ByteArrayInputStream in = new ByteArrayInputStream(both);

        assertThat(Npy.read(in, "a").data()).containsExactly(1);
        assertThat(Npy.read(in, "b").data()).containsExactly(2);
    }

    @Test
    void rejectsAFileWithoutTheMagicString() {
        assertFails(() -> read("hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                DataFileError.NPY_BAD_MAGIC,
                "[npy/BadMagic] test.npy: not an NPY file: it starts with 68 65 6c 6c 6f 20, an NPY file with"
                        + " 93 4e 55 4d 50 59 (\"\\x93NUMPY\")");
        assertFails(() -> read(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}), DataFileError.NPY_BAD_MAGIC,
                "[npy/BadMagic] test.npy: not an NPY file: it starts with 50 4b 03 04 00 00, an NPY file with"
                        + " 93 4e 55 4d 50 59 (\"\\x93NUMPY\"). This is a ZIP archive; read .npz files with Npz.read");
        assertFails(() -> read(new byte[0]), DataFileError.NPY_BAD_MAGIC,
                "[npy/BadMagic] test.npy: not an NPY file: it starts with nothing (the file is empty), an NPY file with"
                        + " 93 4e 55 4d 50 59 (\"\\x93NUMPY\")");
    }

    @Test
    void rejectsUnknownFormatVersions() {
        byte[] bytes = NpyBytes.header(header("<f4", "(1,)")).floats(1).build();
        bytes[6] = 4;

        assertFails(() -> read(bytes), DataFileError.NPY_UNSUPPORTED_VERSION,
                "[npy/UnsupportedVersion] test.npy: format version 4.0 is not supported. Supported: 1.0, 2.0, 3.0");
    }

    @Test
    void rejectsDtypesThatAreNotNumbers() {
        String supported = "Supported: bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32,"
                + " float64";
        assertFails(() -> read(NpyBytes.header(header("<c8", "(1,)")).floats(1, 2)), DataFileError.NPY_UNSUPPORTED_DTYPE,
                "[npy/UnsupportedDtype] test.npy: dtype '<c8' (complex) cannot be read as float32. " + supported);
        assertFails(() -> read(NpyBytes.header(header("|O", "(1,)"))), DataFileError.NPY_UNSUPPORTED_DTYPE,
                "[npy/UnsupportedDtype] test.npy: dtype '|O' (Python objects) cannot be read as float32. " + supported);
        assertFails(() -> read(NpyBytes.header(header("<U3", "(1,)"))), DataFileError.NPY_UNSUPPORTED_DTYPE,
                "[npy/UnsupportedDtype] test.npy: dtype '<U3' (unicode strings) cannot be read as float32. " + supported);
        assertFails(() -> read(NpyBytes.header("{'descr': [('x', '<f4'), ('y', '<i4')], 'fortran_order': False,"
                        + " 'shape': (1,), }")), DataFileError.NPY_UNSUPPORTED_DTYPE,
                "[npy/UnsupportedDtype] test.npy: structured dtype [[x, <f4], [y, <i4]] cannot be read as float32. "
                        + supported);
    }

    @Test
    void rejectsDataShorterThanTheShapeNeeds() {
        assertFails(() -> read(NpyBytes.header(header("<f8", "(2, 2)")).doubles(1, 2, 3)), DataFileError.NPY_TRUNCATED,
                "[npy/Truncated] test.npy: the data ends after 24 of 32 bytes (shape [2, 2], dtype '<f8')");
        byte[] complete = NpyBytes.header(header("<f4", "(1,)")).floats(1).build();
        assertFails(() -> read(Arrays.copyOf(complete, 30)), DataFileError.NPY_TRUNCATED,
                "[npy/Truncated] test.npy: the file ends after 30 bytes, inside the NPY header");
        assertFails(() -> read(Arrays.copyOf(complete, 3)), DataFileError.NPY_TRUNCATED,
                "[npy/Truncated] test.npy: the file ends after 3 bytes, inside the NPY header");
    }

    @Test
    void rejectsShapesTooLargeForOneJavaArray() {
        assertFails(() -> read(NpyBytes.header(header("<f4", "(100000, 100000)"))), DataFileError.NPY_TOO_LARGE,
                "[npy/TooLarge] test.npy: shape (100000, 100000) has more elements than one Java array holds (2147483639)");
        assertFails(() -> read(NpyBytes.header(header("<f4", "(3000000000, 0)"))), DataFileError.NPY_TOO_LARGE,
                "[npy/TooLarge] test.npy: shape (3000000000, 0) has a dimension larger than 2147483647, the limit of one"
                        + " Java array");
    }

    @Test
    void rejectsMalformedHeaders() {
        assertFails(() -> read(NpyBytes.header("{'descr': '<f4', 'shape': (1,), }")), DataFileError.NPY_BAD_HEADER,
                "[npy/BadHeader] test.npy: the header \"{'descr': '<f4', 'shape': (1,), }\" is not valid: its keys are"
                        + " [descr, shape], expected exactly ['descr', 'fortran_order', 'shape']");
        assertFails(() -> read(NpyBytes.header("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }")),
                DataFileError.NPY_BAD_HEADER, "[npy/BadHeader] test.npy: the header \"{'descr': '<f4', 'fortran_order':"
                        + " False, 'shape': (-1,), }\" is not valid: 'shape' must hold non-negative integers");
        assertThatThrownBy(() -> read(NpyBytes.header("{'descr': '<f4', 'fortran_order': False 'shape': (1,)}")))
                .hasMessageStartingWith("[npy/BadHeader] test.npy: the header")
                .hasMessageEndingWith("is not valid: it is not a Python literal: ',' or '}' expected at character 40");
        assertFails(() -> read(NpyBytes.header(header("|f4", "(1,)"))), DataFileError.NPY_BAD_HEADER,
                "[npy/BadHeader] test.npy: dtype '|f4' has no byte order, which only one-byte types may omit");
    }

    @Test
    void convertsEveryHalfPrecisionValueExactly() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float converted = Float16.toFloat(bits);
            int exponent = (bits >> 10) & 0x1F;
            int mantissa = bits & 0x3FF;
            double sign = (bits & 0x8000) != 0 ? -1 : 1;
            if (exponent == 0x1F) {
                assertThat(Float.isNaN(converted)).as("bits %04x", bits).isEqualTo(mantissa != 0);
                if (mantissa == 0) {
                    assertThat(converted).isEqualTo((float) (sign * Double.POSITIVE_INFINITY));
                }
            } else {
                double expected = exponent == 0
                        ? sign * Math.scalb((double) mantissa, -24)
                        : sign * Math.scalb(1024.0 + mantissa, exponent - 25);
                assertThat((double) converted).as("bits %04x", bits).isEqualTo(expected);
                assertThat(Math.copySign(1f, converted)).isEqualTo((float) sign);
            }
        }
    }
}
