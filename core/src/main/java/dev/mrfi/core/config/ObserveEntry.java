package dev.mrfi.core.config;

import java.util.Map;

/**
 * One element of the EasyConfig {@code observe} list.
 *
 * @param index    position in the list
 * @param method   the observer's name
 * @param pre      true to observe the module's input ({@code position: pre}), false for its output
 * @param matcher  which modules it observes
 * @param extra    other keys, kept for observers that read them
 */
public record ObserveEntry(int index, String method, boolean pre, ModuleMatcher matcher, Map<String, Object> extra) {
}
