package dev.mrfi.core.engine.fake;

import dev.mrfi.core.architecture.OwnJsonFileFormat;

/** For {@code RuleSelfTest}: an engine class with a JSON file of its own, exempt by its annotation. */
@OwnJsonFileFormat("reads a file of its own in RuleSelfTest, not configuration")
public final class ReadsOwnJsonFile {

    public Object tree() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
