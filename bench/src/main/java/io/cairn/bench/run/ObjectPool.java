package io.cairn.bench.run;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The object ids one connection knows to exist (it created them, in the prefill or by a PUT), so GET/HEAD/DELETE never
 * aim at a name another connection just deleted. A growable {@code long[]}; removal swaps with the last. Not
 * thread-safe: confined to its connection's event loop.
 */
final class ObjectPool {
    private long[] ids = new long[64];
    private int size;

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    int size() {
        return size;
    }

    /** A random id; the pool must not be empty. */
    long pick(SplittableRandom random) {
        return ids[random.nextInt(size)];
    }

    /** Removes and returns a random id; the pool must not be empty. */
    long removeRandom(SplittableRandom random) {
        int i = random.nextInt(size);
        long id = ids[i];
        ids[i] = ids[--size];
        return id;
    }
}
