package org.unimoj.data.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@link RecordReader} for formats with one record a line (TSV, JSON lines, plain text). An
 * optional header line is recognised by {@link #isHeader}; empty lines are bad records (they are
 * the usual trace of a truncated or concatenated file).
 */
public abstract class LineRecordReader<T> extends RecordReader<T> {

    protected final LineReader lines;
    protected final Utf8 utf8 = new Utf8();
    private boolean first = true;
    private long emptyLinesSkipped;

    protected LineRecordReader(Path file, ReadOptions options) {
        super(file, options);
        this.lines = LineReader.open(file);
    }

    /** Whether the first line is a header to skip (and remember); the default: no header. */
    protected boolean isHeader(LineReader line) throws RecordProblem {
        return false;
    }

    /**
     * Whether empty lines separate records rather than being bad records (plain-text corpora use
     * them between documents); the default: no. Skipped empty lines are counted in the notes.
     */
    protected boolean emptyLinesSeparate() {
        return false;
    }

    @Override
    protected final boolean advance() throws RecordProblem {
        if (!lines.next()) {
            return false;
        }
        if (first) {
            first = false;
            if (isHeader(lines) && !lines.next()) {
                return false;
            }
        }
        if (emptyLinesSeparate()) {
            while (lines.length() == 0) {
                emptyLinesSkipped++;
                if (!lines.next()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    protected final T parseCurrent() throws RecordProblem {
        if (lines.length() == 0) {
            throw new RecordProblem("line", "empty line");
        }
        return parseLine(lines.buffer(), lines.start(), lines.end());
    }

    /** Parses one non-empty line {@code b[from, to)} (line end removed). */
    protected abstract T parseLine(byte[] b, int from, int to) throws RecordProblem;

    @Override
    protected long currentLine() {
        return lines.lineNumber();
    }

    @Override
    protected String currentRaw() {
        return lines.lenientText();
    }

    @Override
    protected List<String> notes() {
        List<String> notes = new java.util.ArrayList<>(lines.notes());
        if (emptyLinesSkipped > 0) {
            notes.add(emptyLinesSkipped + " empty line(s) of " + file + " skipped as separators");
        }
        return notes;
    }

    @Override
    protected void release() {
        lines.close();
    }
}
