package org.unimoj.runtime.train;

import java.util.Objects;

/**
 * A source whose records are changed as they are read (e.g. a caption joined with its image's
 * region features): each filled slot goes through {@code mapping}, which may turn it into a gap
 * (and quarantine it); gaps pass unchanged. Positions do not move.
 *
 * @param <A> the inner record type
 * @param <B> the record type after mapping
 */
public final class MappedSource<A, B> implements SlotSource<B> {

    /** Maps one filled slot; returns a filled slot or a gap at the same index. */
    @FunctionalInterface
    public interface Mapping<A, B> {
        Slot<B> map(Slot.Filled<A> slot);
    }

    private final SlotSource<A> inner;
    private final Mapping<A, B> mapping;

    public MappedSource(SlotSource<A> inner, Mapping<A, B> mapping) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public long epochLength() {
        return inner.epochLength();
    }

    @Override
    public Cursor<B> open(long from) {
        Cursor<A> c = inner.open(from);
        return new Cursor<>() {
            @Override
            public Slot<B> next() {
                Slot<A> s = c.next();
                if (s instanceof Slot.Filled<A> f) {
                    return mapping.map(f);
                }
                return new Slot.Empty<>(s.index(), ((Slot.Empty<A>) s).reason());
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }
}
