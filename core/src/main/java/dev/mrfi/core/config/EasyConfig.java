package dev.mrfi.core.config;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * A validated EasyConfig document: the reference's coarse configuration format, with MRFI-J's additions
 * ({@code seed}, {@code allow_inconsistent_bit_width}). Immutable; build one with
 * {@link EasyConfigLoader}, edit it with the typed {@code with...} methods, which rebuild only the
 * operators they change.
 *
 * @param faultInject                the injector entries, in order
 * @param observe                    the observer entries, in order
 * @param seed                       the seed from the document, if given
 * @param allowInconsistentBitWidth  true to log, not reject, error modes whose width misreads the code
 * @param warnings                   non-fatal findings, such as a check relaxed by
 *                                   {@code allow_inconsistent_bit_width}
 */
public record EasyConfig(List<FaultInjectEntry> faultInject, List<ObserveEntry> observe, OptionalLong seed,
                         boolean allowInconsistentBitWidth, List<String> warnings) {

    /** Copies the lists. */
    public EasyConfig {
        faultInject = List.copyOf(faultInject);
        observe = List.copyOf(observe);
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns the enabled entries whose selector is driven by a rate, the ones a bit error rate sweeps.
     *
     * @return the entries, in order
     */
    public List<FaultInjectEntry> rateDrivenEntries() {
        return faultInject.stream().filter(e -> e.enabled() && e.rateDriven()).toList();
    }

    /**
     * Tells whether no fault can be injected: the configuration has no faultinject entry, or every one is
     * disabled. Observers may still run.
     *
     * @return true if no entry is enabled
     */
    public boolean injectsNothing() {
        return faultInject.stream().noneMatch(FaultInjectEntry::enabled);
    }

    /**
     * Returns the configuration at one bit error rate: every rate-driven selector's rate becomes
     * {@code ber} times the bits of each value its entry faults. Entries without a rate-driven selector
     * are unchanged.
     *
     * @param ber          the bit error rate
     * @param bitsPerValue bits per value for every entry, or empty to take each error mode's own
     * @return the edited configuration
     * @throws dev.mrfi.api.config.ConfigurationException if a resulting rate is above 1
     */
    public EasyConfig withBer(double ber, OptionalInt bitsPerValue) {
        return mapEntries(e -> e.rateDriven() ? e.withRate(ber * bitsPerValue.orElse(e.bitsPerValue())) : e);
    }

    /**
     * Returns a copy with one entry edited.
     *
     * @param index the entry's position
     * @param edit  the edit
     * @return the edited configuration
     */
    public EasyConfig withEntry(int index, UnaryOperator<FaultInjectEntry> edit) {
        List<FaultInjectEntry> entries = new ArrayList<>(faultInject);
        entries.set(index, edit.apply(entries.get(index)));
        return new EasyConfig(entries, observe, seed, allowInconsistentBitWidth, warnings);
    }

    /**
     * Returns a copy with every entry edited.
     *
     * @param edit the edit
     * @return the edited configuration
     */
    public EasyConfig mapEntries(UnaryOperator<FaultInjectEntry> edit) {
        return new EasyConfig(faultInject.stream().map(edit).toList(), observe, seed, allowInconsistentBitWidth,
                warnings);
    }

    /**
     * Returns a copy with one more observer entry at the end.
     *
     * @param entry the observer, as bound by {@link EasyConfigLoader#observer}
     * @return the edited configuration
     */
    public EasyConfig withObserver(ObserveEntry entry) {
        List<ObserveEntry> observers = new ArrayList<>(observe);
        observers.add(new ObserveEntry(observers.size(), entry.observer(), entry.pre(), entry.matcher(), entry.input()));
        return new EasyConfig(faultInject, observers, seed, allowInconsistentBitWidth, warnings);
    }

    /**
     * Describes every setting that decides results, in a stable text (the same for the same settings in
     * every run), for journal headers and manifests.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder text = new StringBuilder("faultinject[");
        for (FaultInjectEntry e : faultInject) {
            text.append('{').append(e.index()).append(' ').append(e.hook().label()).append(" enabled=")
                    .append(e.enabled()).append(" weights=").append(e.weightNames()).append(" match=")
                    .append(canonical(e.matcher()));
            e.quantization().ifPresent(q -> text.append(" quantization=").append(block(q.plugin()))
                    .append(" layerwise=").append(e.layerwise()));
            e.selector().ifPresent(s -> text.append(" selector=").append(block(s.plugin())));
            text.append(" error_mode=").append(block(e.errorMode().plugin()));
            if (e.target() != InjectionTarget.VALUES) {
                // only when set, so that descriptions (and journals) of value-only campaigns stay as they were
                text.append(" target=").append(e.target().label());
            }
            text.append('}');
        }
        text.append("] observe[");
        for (ObserveEntry o : observe) {
            text.append('{').append(block(o.observer())).append(o.pre() ? " pre " : " after ")
                    .append(canonical(o.matcher())).append(o.input() == 0 ? "" : " input=" + o.input()).append('}');
        }
        return text.append("] seed=").append(seed.isPresent() ? Long.toString(seed.getAsLong()) : "none")
                .append(" allow_inconsistent_bit_width=").append(allowInconsistentBitWidth).toString();
    }

    private static String block(BoundPlugin<?> plugin) {
        StringBuilder text = new StringBuilder(plugin.provider().name()).append('{');
        String separator = "";
        for (Map.Entry<String, Object> value : plugin.config().values().entrySet()) {
            text.append(separator).append(value.getKey()).append('=').append(canonical(value.getValue()));
            separator = ", ";
        }
        return text.append('}').toString();
    }

    /** Formats records, arrays and lists by their contents, never by identity. */
    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(canonical(Array.get(value, i)));
            }
            return items.toString();
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(EasyConfig::canonical).toList().toString();
        }
        if (value instanceof Record) {
            StringBuilder text = new StringBuilder("(");
            String separator = "";
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    text.append(separator).append(component.getName()).append('=')
                            .append(canonical(component.getAccessor().invoke(value)));
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    return value.toString();
                }
                separator = ", ";
            }
            return text.append(')').toString();
        }
        return value.toString();
    }
}
