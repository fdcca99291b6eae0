package dev.mrfi.selector;

import dev.mrfi.api.config.ValueType;
import dev.mrfi.api.config.ValueTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parameter types of selectors that the common types do not cover.
 */
final class SelectorValueTypes {

    /** {@code FixPosition.position}: a flat index, or a list (one entry: a flat index; more: a coordinate). */
    static final ValueType<List<Integer>> INDEX_OR_COORDINATE = new ValueType<>() {
        @Override
        public String displayName() {
            return "int or list[int]";
        }

        @Override
        public List<Integer> convert(Object raw) {
            return intList(raw, displayName());
        }
    };

    /** {@code FixedPixelByNumber.pixel}: a flat pixel index {@code h * W + w}, or {@code [h, w]}. */
    static final ValueType<List<Integer>> PIXEL = new ValueType<>() {
        @Override
        public String displayName() {
            return "int or [h, w]";
        }

        @Override
        public List<Integer> convert(Object raw) {
            List<Integer> pixel = intList(raw, displayName());
            if (pixel.isEmpty() || pixel.size() > 2) {
                throw ValueTypes.wrongType(displayName(), raw);
            }
            return pixel;
        }
    };

    /** {@code FixPositions.positions}: flat indices, or one list of indices per dimension. */
    static final ValueType<PositionList> POSITIONS = new ValueType<>() {
        @Override
        public String displayName() {
            return "list[int] or list[list[int]]";
        }

        @Override
        public Object toDocument(PositionList value) {
            return value instanceof PositionList.Flat ? ((PositionList.Flat) value).indices()
                    : ((PositionList.PerDimension) value).lists();
        }

        @Override
        public PositionList convert(Object raw) {
            if (!(raw instanceof List) || ((List<?>) raw).stream().noneMatch(item -> item instanceof List)) {
                return new PositionList.Flat(intList(raw, displayName()));
            }
            List<List<Integer>> lists = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                if (!(item instanceof List)) {
                    throw new IllegalArgumentException("expected " + displayName() + ", got "
                            + ValueTypes.describe(raw) + ", which mixes indices and lists");
                }
                lists.add(intList(item, displayName()));
            }
            return new PositionList.PerDimension(Collections.unmodifiableList(lists));
        }
    };

    private SelectorValueTypes() {
    }

    private static List<Integer> intList(Object raw, String typeName) {
        if (!(raw instanceof List)) {
            return List.of(ValueTypes.toInt(raw, typeName));
        }
        List<Integer> values = new ArrayList<>();
        for (Object item : (List<?>) raw) {
            if (item == null) {
                throw ValueTypes.wrongType(typeName, raw);
            }
            values.add(ValueTypes.toInt(item, typeName));
        }
        return Collections.unmodifiableList(values);
    }
}
