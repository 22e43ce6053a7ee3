package org.unimoj.data.io;

/**
 * The tab-separated fields of one line, as offsets into the line's buffer (no copying). Reused
 * from line to line.
 */
public final class TabFields {

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private byte[] buf;

    /** Splits {@code b[from, to)} at every tab; returns the number of fields. */
    public int split(byte[] b, int from, int to) {
        buf = b;
        count = 0;
        int s = from;
        for (int i = from; i < to; i++) {
            if (b[i] == '\t') {
                add(s, i);
                s = i + 1;
            }
        }
        add(s, to);
        return count;
    }

    private void add(int s, int e) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        count++;
    }

    public int count() {
        return count;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public int length(int i) {
        return ends[i] - starts[i];
    }

    /** Field {@code i} as ASCII/Latin-1 text; for ids and numbers (use {@link Utf8} for free text). */
    public String ascii(int i) {
        return new String(buf, starts[i], ends[i] - starts[i], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Field {@code i} as a non-negative decimal int, or a problem naming {@code field}. */
    public int parseInt(int i, String field) throws RecordProblem {
        int s = starts[i], e = ends[i];
        if (s == e) {
            throw new RecordProblem(field, "empty, expected an integer");
        }
        long v = 0;
        for (int k = s; k < e; k++) {
            int d = buf[k] - '0';
            if (d < 0 || d > 9) {
                throw new RecordProblem(field, "'" + ascii(i) + "' is not a non-negative integer");
            }
            v = v * 10 + d;
            if (v > Integer.MAX_VALUE) {
                throw new RecordProblem(field, "'" + ascii(i) + "' is too large");
            }
        }
        return (int) v;
    }
}
