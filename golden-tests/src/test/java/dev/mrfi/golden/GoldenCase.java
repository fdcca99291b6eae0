package dev.mrfi.golden;

import java.util.List;
import java.util.Map;

/**
 * One case of a golden-vector file, as plain values: {@code id}, {@code kind} and the kind's fields.
 * Floats are stored as float32 bit patterns in signed 32-bit integers.
 */
record GoldenCase(String file, Map<String, Object> fields) {

    String id() {
        return (String) fields.get("id");
    }

    String kind() {
        return (String) fields.get("kind");
    }

    String method() {
        return (String) fields.get("method");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        return (Map<String, Object>) fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    float[] floats(String name) {
        List<?> bits = (List<?>) fields.get(name);
        float[] values = new float[bits.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(((Number) bits.get(i)).intValue());
        }
        return values;
    }

    int[] ints(String name) {
        List<?> values = (List<?>) fields.get(name);
        int[] result = new int[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ((Number) values.get(i)).intValue();
        }
        return result;
    }

    @Override
    public String toString() {
        return id();
    }
}
