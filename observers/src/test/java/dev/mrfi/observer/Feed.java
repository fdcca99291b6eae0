package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import java.util.Map;

/** Short ways to feed observers in tests. */
final class Feed {

    private Feed() {
    }

    static Observer create(ObserverProvider provider, Map<String, Object> raw) {
        PluginConfig config = provider.parameters().bind(raw);
        return provider.create(config);
    }

    static Observer create(ObserverProvider provider) {
        return create(provider, Map.of());
    }

    /** Feeds a 1-D tensor as a faulty (or plain) pass. */
    static void update(Observer observer, float... values) {
        observer.update(values, 0, values.length, TensorShape.of(values.length));
    }

    /** Feeds a 1-D tensor as a golden pass. */
    static void golden(Observer observer, float... values) {
        observer.updateGolden(values, 0, values.length, TensorShape.of(values.length));
    }

    static void update(Observer observer, TensorShape shape, float... values) {
        observer.update(values, 0, values.length, shape);
    }

    static void golden(Observer observer, TensorShape shape, float... values) {
        observer.updateGolden(values, 0, values.length, shape);
    }
}
