package dev.mrfi.hardening;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.TensorShape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutates a tree of plain values as a careless or hostile author would: wrong types, missing, unknown and
 * misspelt keys, keys that are not strings, out-of-range and non-finite numbers, empty, huge and deeply
 * nested values, and random or wrong plugin names. Every change is written to a log.
 */
final class TreeMutator {

    private static final long[] LONGS = {0, 1, -1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 25, 31, 32, 33, 63, 64, 65, 255, 256,
        1000, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
        TensorShape.MAX_ELEMENTS, 1_000_000_000, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] DOUBLES = {0.0, -0.0, 0.5, 1.0, -1.0, 1e-3, 1e-6, 0.1, 0.25, 2.5, 8.0, 8.5, 1.0000000001,
        1e-300, Double.MIN_VALUE, Float.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e308, -1e308, Double.MAX_VALUE, Float.MAX_VALUE * 2.0, 2147483647.0, 2147483648.0, -2147483649.0, 1e10};
    private static final String[] STRINGS = {"", " ", "auto", "max", "AUTO", " auto ", "none", "null", "~", "true",
        "yes", "off", "1e-3", "1E+3", "NaN", ".nan", "inf", "-inf", "+.inf", "0x10", "1_000", "8", "8.0", " 8 ", "-8",
        "float16", "float32", "float64", "float128", "bfloat16", "pre", "after", "post", "activation", "weight",
        "weights", "bias", "conv", "fc", "Linear", "Conv2d", "conv1", "fc1", ".", "*", "[0]", "{}", "[]", "\u0000",
        "\t", "\n", "\u00e9t\u00e9", "\uD83D\uDE00", "\u202Eevil", "'", "\"", "a: b", "- x", "#", "&a", "*a"};
    private static final char[] ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:#[]{}"
            + "'\"*&!|>%@` \t\n\r\u0000\u0085\u00a0\u00e9\u2028\u202e\ufeff\ud800\uffff").toCharArray();

    private final SplittableRandom random;
    private final StringBuilder log;
    private final boolean allowHuge;

    /**
     * Creates a mutator.
     *
     * @param random    the source of choices
     * @param log       where each change is described
     * @param allowHuge true to sometimes insert huge lists and strings and very deep nesting
     */
    TreeMutator(SplittableRandom random, StringBuilder log, boolean allowHuge) {
        this.random = random;
        this.log = log;
        this.allowHuge = allowHuge;
    }

    /**
     * Applies several mutations.
     *
     * @param root  the tree; changed in place
     * @param count how many
     * @return the new root (the root itself may be replaced)
     */
    Object mutate(Object root, int count) {
        Object current = root;
        for (int i = 0; i < count; i++) {
            current = mutateOnce(current);
        }
        return current;
    }

    private record Slot(Object parent, Object key, String path, Object value) {
    }

    private Object mutateOnce(Object root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, null, null, "$", 0, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        Object value = slot.value();
        int op = random.nextInt(100);
        if (op < 22) {
            return set(root, slot, interesting(), "replace");
        }
        if (op < 32 && value instanceof Number) {
            return set(root, slot, perturb((Number) value), "perturb");
        }
        if (op < 42 && slot.parent() != null) {
            log.append("remove ").append(slot.path()).append('\n');
            if (slot.parent() instanceof Map) {
                ((Map<?, ?>) slot.parent()).remove(slot.key());
            } else {
                ((List<?>) slot.parent()).remove((int) (Integer) slot.key());
            }
            return root;
        }
        if (op < 52 && value instanceof Map) {
            Object key = random.nextInt(6) == 0 ? nonStringKey() : name();
            Object item = interesting();
            log.append("add ").append(slot.path()).append(" key ").append(Plain.show(key)).append(" = ")
                    .append(Plain.show(item)).append('\n');
            cast(value).put(key, item);
            return root;
        }
        if (op < 60 && slot.parent() instanceof Map) {
            Object key = random.nextInt(5) == 0 ? nonStringKey() : typo(String.valueOf(slot.key()));
            log.append("rename ").append(slot.path()).append(" to ").append(Plain.show(key)).append('\n');
            Map<Object, Object> parent = cast(slot.parent());
            parent.remove(slot.key());
            parent.put(key, value);
            return root;
        }
        if (op < 72 && value instanceof Map) {
            Object method = method();
            log.append("method ").append(slot.path()).append(" = ").append(Plain.show(method)).append('\n');
            cast(value).put("method", method);
            return root;
        }
        if (op < 76 && (value instanceof Map || value instanceof List)) {
            log.append("empty ").append(slot.path()).append('\n');
            if (value instanceof Map) {
                ((Map<?, ?>) value).clear();
            } else {
                ((List<?>) value).clear();
            }
            return root;
        }
        if (op < 80 && value instanceof List && !((List<?>) value).isEmpty()) {
            List<Object> list = castList(value);
            Object item = list.get(random.nextInt(list.size()));
            log.append("duplicate an item of ").append(slot.path()).append('\n');
            list.add(random.nextInt(list.size() + 1), item);
            return root;
        }
        if (op < 86) {
            Object wrapped = random.nextBoolean() ? new ArrayList<>(Collections.singletonList(value))
                    : new LinkedHashMap<>(Collections.singletonMap(random.nextBoolean() ? "value" : "method", value));
            return set(root, slot, wrapped, "wrap");
        }
        if (op < 90 && value instanceof List && !((List<?>) value).isEmpty()) {
            return set(root, slot, ((List<?>) value).get(0), "unwrap");
        }
        if (op < 94 && value instanceof Map && !((Map<?, ?>) value).isEmpty()) {
            return set(root, slot, ((Map<?, ?>) value).values().iterator().next(), "unwrap");
        }
        if (op < 99 || !allowHuge) {
            return set(root, slot, interesting(), "replace");
        }
        if (random.nextBoolean()) {
            return set(root, slot, huge(), "huge");
        }
        return set(root, slot, deep(20 + random.nextInt(random.nextBoolean() ? 300 : 50_000)), "deep");
    }

    private Object set(Object root, Slot slot, Object value, String what) {
        log.append(what).append(' ').append(slot.path()).append(" = ").append(Plain.show(value)).append('\n');
        if (slot.parent() == null) {
            return value;
        }
        if (slot.parent() instanceof Map) {
            cast(slot.parent()).put(slot.key(), value);
        } else {
            castList(slot.parent()).set((Integer) slot.key(), value);
        }
        return root;
    }

    private void collect(Object value, Object parent, Object key, String path, int depth, List<Slot> slots) {
        slots.add(new Slot(parent, key, path, value));
        if (depth >= 40) {
            return;
        }
        if (value instanceof Map) {
            int n = 0;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (n++ > 60) {
                    break;
                }
                collect(entry.getValue(), value, entry.getKey(), path + "." + entry.getKey(), depth + 1, slots);
            }
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            if (list.size() <= 60) {
                for (int i = 0; i < list.size(); i++) {
                    collect(list.get(i), value, i, path + "[" + i + "]", depth + 1, slots);
                }
            } else {
                for (int k = 0; k < 3; k++) {
                    int i = random.nextInt(list.size());
                    collect(list.get(i), value, i, path + "[" + i + "]", depth + 1, slots);
                }
            }
        }
    }

    /**
     * Returns a value from a pool of troublesome values and random ones.
     *
     * @return a scalar, or a small list or mapping
     */
    Object interesting() {
        switch (random.nextInt(16)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
            case 3:
                return LONGS[random.nextInt(LONGS.length)];
            case 4:
                BigInteger[] big = {BigInteger.TWO.pow(63), BigInteger.TWO.pow(64).negate(), BigInteger.TEN.pow(400)};
                return big[random.nextInt(big.length)];
            case 5:
            case 6:
                return DOUBLES[random.nextInt(DOUBLES.length)];
            case 7:
                return random.nextBoolean() ? random.nextLong() : (Object) (random.nextDouble() * Math.pow(10, random.nextInt(-10, 10)));
            case 8:
            case 9:
                return STRINGS[random.nextInt(STRINGS.length)];
            case 10:
                return randomString(random.nextInt(30));
            case 11:
                return name();
            case 12:
                return random.nextBoolean() ? new ArrayList<>() : new LinkedHashMap<>();
            case 13: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(1, 5); i > 0; i--) {
                    list.add(random.nextInt(3) == 0 ? interestingScalar() : (Object) (long) random.nextInt(-2, 20));
                }
                return list;
            }
            case 14: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(1, 4); i > 0; i--) {
                    map.put(name(), interestingScalar());
                }
                return map;
            }
            default: {
                List<Object> lists = new ArrayList<>();
                for (int i = random.nextInt(1, 4); i > 0; i--) {
                    lists.add(new ArrayList<>(List.of((long) random.nextInt(4), (long) random.nextInt(4))));
                }
                return lists;
            }
        }
    }

    private Object interestingScalar() {
        Object value = interesting();
        return value instanceof Map || value instanceof List ? null : value;
    }

    private Object perturb(Number number) {
        if (number instanceof Long) {
            long v = (Long) number;
            Object[] options = {v + 1, v - 1, -v, v * 2, v * 1000, v + 0.5, (double) v, String.valueOf(v), v >> 1,
                Long.MAX_VALUE - v, BigInteger.valueOf(v).shiftLeft(64)};
            return options[random.nextInt(options.length)];
        }
        double v = number.doubleValue();
        Object[] options = {v * 2, -v, v + 1e-9, v / 3, Math.nextUp(v), (long) v, String.valueOf(v), v * 1e300,
            Double.NaN, v - 1};
        return options[random.nextInt(options.length)];
    }

    private Object method() {
        switch (random.nextInt(6)) {
            case 0:
                return randomString(random.nextInt(20));
            case 1:
                return typo(anyMethod());
            case 2:
                return interesting();
            default:
                return anyMethod();
        }
    }

    private String anyMethod() {
        PluginKind kind = PluginKind.values()[random.nextInt(PluginKind.values().length)];
        List<String> names = Vocabulary.METHODS.get(kind);
        return names.get(random.nextInt(names.size()));
    }

    private String name() {
        int choice = random.nextInt(10);
        if (choice < 5) {
            return Vocabulary.ALL_NAMES.get(random.nextInt(Vocabulary.ALL_NAMES.size()));
        }
        if (choice < 8) {
            return typo(Vocabulary.ALL_NAMES.get(random.nextInt(Vocabulary.ALL_NAMES.size())));
        }
        return randomString(random.nextInt(12));
    }

    private Object nonStringKey() {
        Object[] keys = {1L, 0L, -1L, null, true, false, 1.5, Double.NaN, BigInteger.TEN.pow(30),
            new ArrayList<>(List.of("a")), new LinkedHashMap<>(Map.of("a", 1L))};
        return keys[random.nextInt(keys.length)];
    }

    /**
     * Returns a plausible misspelling.
     *
     * @param name a correct name
     * @return the name with one small change
     */
    String typo(String name) {
        if (name.isEmpty()) {
            return "x";
        }
        int at = random.nextInt(name.length());
        switch (random.nextInt(7)) {
            case 0:
                return name.substring(0, at) + name.substring(at + 1);
            case 1:
                return name.substring(0, at) + name.charAt(at) + name.substring(at);
            case 2:
                return at + 1 < name.length()
                        ? name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2) : name + "s";
            case 3:
                return name.toUpperCase(java.util.Locale.ROOT);
            case 4:
                return name + " ";
            case 5:
                return name.replace('_', '-');
            default:
                return name.substring(0, at) + ALPHABET[random.nextInt(26)] + name.substring(at + 1);
        }
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private Object huge() {
        int n = 100_000;
        switch (random.nextInt(4)) {
            case 0: {
                List<Object> list = new ArrayList<>(n);
                for (long i = 0; i < n; i++) {
                    list.add(i);
                }
                return list;
            }
            case 1:
                return new ArrayList<>(Collections.nCopies(n, interestingScalar()));
            case 2:
                return "x".repeat(n);
            default: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < 10_000; i++) {
                    map.put("key" + i, (long) i);
                }
                return map;
            }
        }
    }

    /**
     * Returns a value nested in lists or mappings.
     *
     * @param depth how many levels
     * @return the value
     */
    Object deep(int depth) {
        Object value = interestingScalar();
        boolean maps = random.nextBoolean();
        for (int i = 0; i < depth; i++) {
            if (maps) {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.put(random.nextBoolean() ? "method" : "a", value);
                value = map;
            } else {
                List<Object> list = new ArrayList<>(1);
                list.add(value);
                value = list;
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> cast(Object map) {
        return (Map<Object, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }
}
