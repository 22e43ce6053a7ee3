package org.unimoj.data.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file line by line as bytes, without decoding: {@link #next()} exposes the current line
 * as a slice {@code buffer()[start(), end())} that stays valid until the next call. The buffer
 * grows to the longest line, so memory is bounded by the longest line, not the file.
 *
 * <p>Line ends are {@code \n} or {@code \r\n}; the {@code \r} is removed and counted. A UTF-8
 * byte-order mark at the start of the file is removed and noted. Both show up in {@link #notes()}
 * so that a reader can report them rather than normalise silently.
 */
public final class LineReader implements Closeable {

    private static final int INITIAL_BUFFER = 1 << 20;

    private final Path file;
    private final InputStream in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long bufferOffset;

    private int start;
    private int end;
    private long lineNumber;
    private long lineOffset;

    private boolean bomRemoved;
    private long crlfLines;
    private boolean unterminated;

    private LineReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** Opens {@code file}; a missing or unreadable file is a {@link DataError}. */
    public static LineReader open(Path file) {
        try {
            return new LineReader(file, Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw DataError.ofFile(file, "no such file");
        } catch (IOException e) {
            throw DataError.ofFile(file, "cannot open: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** Moves to the next line; false at the end of the file. */
    public boolean next() {
        if (pos >= limit && eof) {
            return false;
        }
        int scan = pos;
        while (true) {
            int nl = indexOfNewline(buf, scan, limit);
            if (nl >= 0) {
                start = pos;
                end = nl;
                pos = nl + 1;
                break;
            }
            if (eof) {
                if (pos >= limit) {
                    return false;
                }
                start = pos;
                end = limit;
                pos = limit;
                unterminated = true;
                break;
            }
            int scanned = limit - pos;
            fill();
            scan = pos + scanned;
        }
        if (end > start && buf[end - 1] == '\r') {
            end--;
            crlfLines++;
        }
        lineNumber++;
        if (lineNumber == 1 && end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB && buf[start + 2] == (byte) 0xBF) {
            start += 3;
            bomRemoved = true;
        }
        lineOffset = bufferOffset + start;
        return true;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the front, grows the buffer if a line fills it, reads more. */
    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The buffer that holds the current line. */
    public byte[] buffer() {
        return buf;
    }

    /** Start of the current line in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** End (exclusive, line end removed) of the current line in {@link #buffer()}. */
    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Byte offset in the file of the current line's first byte (after a byte-order mark). */
    public long lineOffset() {
        return lineOffset;
    }

    /** The current line decoded as UTF-8, leniently (for messages and quarantine files). */
    public String lenientText() {
        return new String(buf, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What was normalised so far: a byte-order mark, CRLF line ends, a last line without line end. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (bomRemoved) {
            notes.add("removed a UTF-8 byte-order mark at the start of " + file);
        }
        if (crlfLines > 0) {
            notes.add(crlfLines + " line(s) of " + file + " end in CRLF; the CR was removed");
        }
        if (unterminated) {
            notes.add("the last line of " + file + " has no line end");
        }
        return notes;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
