package dev.mrfi.core.config;

import dev.mrfi.api.observer.ObserverProvider;

/**
 * One validated element of the EasyConfig {@code observe} list.
 *
 * @param index    position in the list
 * @param observer the observer's provider and parameters
 * @param pre      true to observe the module's input ({@code position: pre}), false for its output
 * @param matcher  which modules it observes
 * @param input    which input of a module with several inputs it observes ({@code index}); 0 otherwise
 */
public record ObserveEntry(int index, BoundPlugin<ObserverProvider> observer, boolean pre, ModuleMatcher matcher,
                           int input) {

    /**
     * An entry that observes a module's first (or only) input, or its output.
     *
     * @param index    position in the list
     * @param observer the observer's provider and parameters
     * @param pre      true to observe the module's input, false for its output
     * @param matcher  which modules it observes
     */
    public ObserveEntry(int index, BoundPlugin<ObserverProvider> observer, boolean pre, ModuleMatcher matcher) {
        this(index, observer, pre, matcher, 0);
    }

    /**
     * Returns a copy observing another input of the modules it matches.
     *
     * @param inputIndex the input's position, from 0
     * @return the copy
     * @since 0.2
     */
    public ObserveEntry onInput(int inputIndex) {
        return new ObserveEntry(index, observer, pre, matcher, inputIndex);
    }
}
