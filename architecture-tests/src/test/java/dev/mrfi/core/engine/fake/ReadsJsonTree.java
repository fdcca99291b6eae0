package dev.mrfi.core.engine.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: an engine class holding a Jackson tree. */
public final class ReadsJsonTree {

    public Object tree() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
