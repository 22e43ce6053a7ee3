package org.unimoj.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.unimoj.api.data.ReadPolicy;

/**
 * The skeleton of every streaming reader: walks the raw records of a file, keeps those of its
 * {@link Shard}, parses each, and applies the {@link ReadPolicy} to the ones that fail: a
 * {@link DataError} naming file, line and field under {@code FAIL}, or the quarantine file under
 * {@code SKIP}. {@link #counts()} tells what happened; no record is dropped silently.
 *
 * <p>A file without any record is an error under either policy.
 *
 * @param <T> the record type
 */
public abstract class RecordReader<T> implements Iterator<T>, AutoCloseable {

    protected final Path file;
    protected final ReadOptions options;

    private long position;
    private long read;
    private long accepted;
    private long quarantined;
    private T next;
    private boolean finished;
    private boolean closed;

    protected RecordReader(Path file, ReadOptions options) {
        this.file = file;
        this.options = options;
    }

    /** Moves to the next raw record of the file (any shard); false at the end. */
    protected abstract boolean advance() throws RecordProblem;

    /** Parses and validates the current raw record. */
    protected abstract T parseCurrent() throws RecordProblem;

    /** The 1-based line where the current raw record starts. */
    protected abstract long currentLine();

    /** The current raw record's text, for the quarantine file. */
    protected abstract String currentRaw();

    /** Notes about normalised input (byte-order mark, CRLF...). */
    protected List<String> notes() {
        return List.of();
    }

    /** Called once after the last record, before the empty-file check; for cross-record checks. */
    protected void finish() throws RecordProblem {}

    /** Frees the file. */
    protected abstract void release();

    public Path file() {
        return file;
    }

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        next = fetch();
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
    }

    private T fetch() {
        while (true) {
            boolean more;
            try {
                more = advance();
            } catch (RecordProblem p) {
                // The raw record could not even be delimited (e.g. broken JSON): nothing to skip to.
                throw error(p);
            }
            if (!more) {
                finished = true;
                try {
                    finish();
                } catch (RecordProblem p) {
                    throw p.file() != null ? error(p) : new DataError(file, 0, p.field(), p.reason());
                }
                if (position == 0) {
                    throw DataError.ofFile(file, "empty file: no records");
                }
                return null;
            }
            long index = position++;
            if (!options.shard().contains(index)) {
                continue;
            }
            read++;
            try {
                T t = parseCurrent();
                accepted++;
                return t;
            } catch (RecordProblem p) {
                if (options.policy() == ReadPolicy.FAIL) {
                    throw error(p);
                }
                options.quarantine().add(p.file() != null ? p.file() : file, p.file() != null ? p.line() : currentLine(),
                        p.field(), p.reason(), currentRaw());
                quarantined++;
            }
        }
    }

    private DataError error(RecordProblem p) {
        return p.file() != null ? new DataError(p.file(), p.line(), p.field(), p.reason())
                : new DataError(file, currentLine(), p.field(), p.reason());
    }

    /** The counts so far; final once {@link #hasNext()} returned false. */
    public final ReadCounts counts() {
        return new ReadCounts(read, accepted, quarantined, new ArrayList<>(notes()));
    }

    /** Reads the rest of the file as a sequential stream (closing the stream closes the reader). */
    public final Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** Reads every remaining record into a list; for small files and tests. */
    public final List<T> readAll() {
        List<T> all = new ArrayList<>();
        while (hasNext()) {
            all.add(next());
        }
        return all;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
