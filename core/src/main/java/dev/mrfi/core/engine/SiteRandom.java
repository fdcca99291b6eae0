package dev.mrfi.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives the random stream of one call of one injection site from the trial seed, the site's name and
 * the call count, so faults do not depend on thread scheduling or on which other sites are enabled.
 */
final class SiteRandom {

    private SiteRandom() {
    }

    static SplittableRandom stream(long seed, String site, long call) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ hash(site));
        h = mix(h ^ call);
        return new SplittableRandom(h);
    }

    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The SplitMix64 finalizer: a bijective 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
