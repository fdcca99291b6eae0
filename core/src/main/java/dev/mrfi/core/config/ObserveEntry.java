package dev.mrfi.core.config;

import dev.mrfi.api.observer.ObserverProvider;

/**
 * One validated element of the EasyConfig {@code observe} list.
 *
 * @param index    position in the list
 * @param observer the observer's provider and parameters
 * @param pre      true to observe the module's input ({@code position: pre}), false for its output
 * @param matcher  which modules it observes
 */
public record ObserveEntry(int index, BoundPlugin<ObserverProvider> observer, boolean pre, ModuleMatcher matcher) {
}
