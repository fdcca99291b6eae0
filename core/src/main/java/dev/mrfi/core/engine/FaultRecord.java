package dev.mrfi.core.engine;

/**
 * One injected value, as written to a fault manifest: where, when, and the value before and after the
 * error mode (integer codes when the entry quantizes, floats otherwise).
 *
 * @param site        the site name, {@code <module>/<hook>[/<weight>]#<entry>}
 * @param call        the site's call count within the trial, from 0
 * @param hook        {@code activation_in}, {@code activation_out} or {@code weight}
 * @param flatIndex   row-major index in the tensor
 * @param coordinates the index as coordinates
 * @param before      the value the error mode received
 * @param after       the value it produced
 * @param errorMode   the error mode's name
 */
public record FaultRecord(String site, long call, String hook, int flatIndex, int[] coordinates, float before,
                          float after, String errorMode) {

    /**
     * Returns the record as one line of JSON (no trailing newline). Floats are written with their raw
     * bits so NaN payloads and -0.0 survive.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"site\":\"").append(escape(site)).append("\",\"call\":").append(call)
                .append(",\"hook\":\"").append(hook).append("\",\"index\":").append(flatIndex)
                .append(",\"coordinates\":[");
        for (int i = 0; i < coordinates.length; i++) {
            json.append(i == 0 ? "" : ",").append(coordinates[i]);
        }
        json.append("],\"before\":").append(number(before)).append(",\"after\":").append(number(after))
                .append(",\"before_bits\":").append(Float.floatToRawIntBits(before))
                .append(",\"after_bits\":").append(Float.floatToRawIntBits(after))
                .append(",\"error_mode\":\"").append(escape(errorMode)).append("\"}");
        return json.toString();
    }

    private static String number(float value) {
        return Float.isFinite(value) ? Float.toString(value) : "\"" + value + "\"";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
