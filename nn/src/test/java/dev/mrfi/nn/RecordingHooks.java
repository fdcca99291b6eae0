package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import java.util.ArrayList;
import java.util.List;

/** Records every hook call as a line of text; tests override single methods to observe or change data. */
class RecordingHooks implements ForwardHooks {

    final List<String> calls = new ArrayList<>();

    @Override
    public void onInput(String module, float[] data, TensorShape shape) {
        calls.add("input  '" + module + "' " + shape);
    }

    @Override
    public void onOutput(String module, float[] data, TensorShape shape) {
        calls.add("output '" + module + "' " + shape);
    }

    @Override
    public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
        calls.add("weight '" + module + "' " + weightName + " " + shape);
        return clean;
    }
}
