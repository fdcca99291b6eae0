package dev.mrfi.golden;

/** Exact comparison of float arrays by value: NaN equals NaN, -0.0 equals 0.0, nothing else is tolerated. */
final class GoldenAssertions {

    private GoldenAssertions() {
    }

    static boolean sameValue(float expected, float actual) {
        return Float.isNaN(expected) ? Float.isNaN(actual) : expected == actual;
    }

    static void assertSameValues(String caseId, String field, float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError(caseId + " " + field + ": expected " + expected.length + " values, got "
                    + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!sameValue(expected[i], actual[i])) {
                throw new AssertionError(caseId + " " + field + "[" + i + "]: expected " + describe(expected[i])
                        + " but was " + describe(actual[i]));
            }
        }
    }

    static String describe(float value) {
        return value + " (bits 0x" + Integer.toHexString(Float.floatToRawIntBits(value)) + ")";
    }
}
