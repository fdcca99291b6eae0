/**
 * Annotations that state, at the class concerned, why it is exempt from an architecture rule enforced
 * by {@code architecture-tests}. Rules are never disabled; an exemption is visible where it applies.
 */
package dev.mrfi.core.architecture;
