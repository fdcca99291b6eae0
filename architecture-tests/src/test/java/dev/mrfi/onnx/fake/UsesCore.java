package dev.mrfi.onnx.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: an onnx class that reaches into the engine. */
public final class UsesCore {

    public Object trial() {
        return dev.mrfi.core.engine.Trial.class;
    }
}
