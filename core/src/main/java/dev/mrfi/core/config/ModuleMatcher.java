package dev.mrfi.core.config;

import java.util.List;

/**
 * Which modules an entry applies to, as in the reference: a module matches when any {@code module_name}
 * is a substring of its full name, any {@code module_type} is a substring of its type name, or any
 * {@code module_fullname} equals its full name (the union of the three).
 *
 * @param names     substrings of the dotted full name
 * @param types     substrings of the type name
 * @param fullNames exact full names
 */
public record ModuleMatcher(List<String> names, List<String> types, List<String> fullNames) {

    /** Copies the lists. */
    public ModuleMatcher {
        names = List.copyOf(names);
        types = List.copyOf(types);
        fullNames = List.copyOf(fullNames);
    }

    /**
     * Returns the matcher of every module, the root included ({@code module_name: ['']}).
     *
     * @return the matcher
     */
    public static ModuleMatcher anyModule() {
        return new ModuleMatcher(List.of(""), List.of(), List.of());
    }

    /**
     * Tells whether a module matches.
     *
     * @param fullName the module's dotted full name
     * @param typeName the module's type name
     * @return true if any matcher matches
     */
    public boolean matches(String fullName, String typeName) {
        for (String name : names) {
            if (fullName.contains(name)) {
                return true;
            }
        }
        for (String type : types) {
            if (typeName.contains(type)) {
                return true;
            }
        }
        return fullNames.contains(fullName);
    }

    /**
     * Tells whether no matcher was given at all.
     *
     * @return true if all three lists are empty
     */
    public boolean isEmpty() {
        return names.isEmpty() && types.isEmpty() && fullNames.isEmpty();
    }
}
