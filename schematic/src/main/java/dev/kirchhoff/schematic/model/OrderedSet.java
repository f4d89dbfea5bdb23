package dev.kirchhoff.schematic.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable set that iterates in insertion order and costs one array: nets hold millions of pins in big
 * netlists, where {@link LinkedHashSet} would cost five times the memory. Lookups scan small sets and hash large
 * ones lazily. Thread-safe once built.
 */
final class OrderedSet<E> extends AbstractSet<E> {

    private static final int HASH_THRESHOLD = 12;
    private final Object[] elements;
    private volatile Set<Object> index;

    private OrderedSet(Object[] elements) {
        this.elements = elements;
    }

    @SuppressWarnings("unchecked")
    static <E> Set<E> copyOf(Collection<? extends E> source) {
        if (source instanceof OrderedSet<?>) {
            return (Set<E>) source;
        }
        Object[] array = source.toArray();
        for (Object o : array) {
            if (o == null) {
                throw new NullPointerException("A set of pins must not contain null.");
            }
        }
        if (!(source instanceof Set<?>) && array.length > 1) {
            Set<Object> seen = new LinkedHashSet<>(Arrays.asList(array));
            array = seen.toArray();
        }
        return new OrderedSet<>(array);
    }

    @Override
    public boolean contains(Object o) {
        if (elements.length <= HASH_THRESHOLD) {
            for (Object e : elements) {
                if (e.equals(o)) {
                    return true;
                }
            }
            return false;
        }
        Set<Object> i = index;
        if (i == null) {
            i = new HashSet<>(Arrays.asList(elements));
            index = i;
        }
        return i.contains(o);
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elements.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= elements.length) {
                    throw new NoSuchElementException();
                }
                return (E) elements[next++];
            }
        };
    }

    @Override
    public int size() {
        return elements.length;
    }
}
