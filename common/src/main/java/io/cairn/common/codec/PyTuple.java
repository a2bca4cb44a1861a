package io.cairn.common.codec;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable Python {@code tuple}: an unmodifiable {@link java.util.List} whose elements may be null (None).
 * {@link PickleReader} returns tuples as this type and {@link PickleWriter} writes it as a tuple (a plain
 * {@link java.util.List} is written as a Python {@code list}). Container/account {@code .pending} records are
 * tuples (reference §5.1). Equality and hash code follow the {@link java.util.List} contract, so a tuple
 * equals an {@link java.util.ArrayList} with the same elements.
 *
 * <p>Thread-safety: immutable; thread-safe if its elements are.
 */
public final class PyTuple extends AbstractList<@Nullable Object> implements RandomAccess {
    private static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final @Nullable Object[] items;
    /** 1 + the deepest nested tuple; -1 if a list or dict is inside, which makes the tuple unhashable. */
    private final int keyDepth;

    private PyTuple(@Nullable Object[] owned) {
        this.items = owned;
        int depth = 1;
        for (Object item : owned) {
            if (item instanceof PyTuple t) {
                depth = t.keyDepth < 0 || depth < 0 ? -1 : Math.max(depth, t.keyDepth + 1);
            } else if (item instanceof java.util.Map || item instanceof java.util.List) {
                depth = -1;
            }
        }
        this.keyDepth = depth;
    }

    /**
     * Whether Python could use this tuple as a dict key (no list or dict inside) and it nests at most {@code
     * maxDepth} tuples deep (Java hashes nested tuples recursively).
     */
    boolean isHashableKey(int maxDepth) {
        return keyDepth > 0 && keyDepth <= maxDepth;
    }

    /** A tuple of a copy of {@code items}. */
    public static PyTuple of(@Nullable Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    static PyTuple wrap(@Nullable Object[] owned) {
        return owned.length == 0 ? EMPTY : new PyTuple(owned);
    }

    @Override
    public @Nullable Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public @Nullable Object[] toArray() {
        return Arrays.copyOf(items, items.length);
    }
}
