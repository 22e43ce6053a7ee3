package org.unimoj.data.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.LineReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Random access to a region-feature TSV by image id: opening scans the file once for the offset
 * of each line (only the id is parsed, so this runs at disk speed) and the first record (which
 * fixes the layout, the feature dimension and the class count); {@link #get} then reads and fully
 * validates one line. Memory: the index, about 100 bytes an image. Thread-safe.
 *
 * <p>A line whose field count or id is wrong, an empty line or a duplicate id fails the opening
 * (policy fail) or goes to the quarantine and out of the index (policy skip). A record that fails
 * the full validation in {@link #get} is a {@link DataError} naming file, line and field.
 */
public final class FeatureStore implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Integer> index;
    private final long[] offsets;
    private final int[] lengths;
    private final long[] lineNumbers;
    private final FeatureTsvLayout layout;
    private final FeatureChecks checks;
    private final ThreadLocal<FeatureLineParser> parsers;

    private FeatureStore(Path file, FileChannel channel, Map<String, Integer> index, long[] offsets, int[] lengths, long[] lineNumbers,
                         FeatureTsvLayout layout, FeatureChecks checks) {
        this.file = file;
        this.channel = channel;
        this.index = index;
        this.offsets = offsets;
        this.lengths = lengths;
        this.lineNumbers = lineNumbers;
        this.layout = layout;
        this.checks = checks;
        this.parsers = ThreadLocal.withInitial(() -> new FeatureLineParser(layout, checks));
    }

    public static FeatureStore open(Path file) {
        return open(file, ReadOptions.failFast(), FeatureChecks.defaults());
    }

    public static FeatureStore open(Path file, ReadOptions options, FeatureChecks checks) {
        Map<String, Integer> index = new HashMap<>();
        long[] offsets = new long[1024];
        int[] lengths = new int[1024];
        long[] lineNumbers = new long[1024];
        int n = 0;
        FeatureLineParser scanner = new FeatureLineParser(null, checks);
        FeatureLineParser first = null;
        try (LineReader lines = LineReader.open(file)) {
            boolean firstLine = true;
            while (lines.next()) {
                if (firstLine) {
                    firstLine = false;
                    if (FeatureLineParser.isHeader(lines.buffer(), lines.start(), lines.end())) {
                        continue;
                    }
                }
                try {
                    if (lines.length() == 0) {
                        throw new RecordProblem("line", "empty line");
                    }
                    String id = scanner.idOf(lines.buffer(), lines.start(), lines.end());
                    Integer before = index.get(id);
                    if (before != null) {
                        throw new RecordProblem("image_id", "duplicate image id '" + id + "' (first at line " + lineNumbers[before] + ")");
                    }
                    if (first == null) {
                        FeatureLineParser p = new FeatureLineParser(null, checks);
                        p.parse(lines.buffer(), lines.start(), lines.end());
                        first = p;
                    }
                    if (n == offsets.length) {
                        offsets = Arrays.copyOf(offsets, n * 2);
                        lengths = Arrays.copyOf(lengths, n * 2);
                        lineNumbers = Arrays.copyOf(lineNumbers, n * 2);
                    }
                    offsets[n] = lines.lineOffset();
                    lengths[n] = lines.length();
                    lineNumbers[n] = lines.lineNumber();
                    index.put(id, n);
                    n++;
                } catch (RecordProblem p) {
                    if (options.policy() == ReadPolicy.FAIL) {
                        throw new DataError(file, lines.lineNumber(), p.field(), p.reason());
                    }
                    options.quarantine().add(file, lines.lineNumber(), p.field(), p.reason(), lines.lenientText());
                }
            }
        }
        if (n == 0) {
            throw DataError.ofFile(file, "empty file: no records");
        }
        FeatureChecks fixed = checks.withFeatureDim(first.featureDim());
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new FeatureStore(file, channel, index, offsets, lengths, lineNumbers, first.layout(), fixed);
        } catch (IOException e) {
            throw DataError.ofFile(file, "cannot open: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    public int size() {
        return index.size();
    }

    public boolean contains(String imageId) {
        return index.containsKey(imageId);
    }

    /** The ids of the file, unordered. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(index.keySet());
    }

    public FeatureTsvLayout layout() {
        return layout;
    }

    public int featureDim() {
        return checks.featureDim();
    }

    /** The regions of {@code imageId}, or empty when the file has no such image. */
    public Optional<RegionFeatures> find(String imageId) {
        Integer i = index.get(imageId);
        return i == null ? Optional.empty() : Optional.of(read(i));
    }

    /** The regions of {@code imageId}; an unknown id is a {@link DataError}. */
    public RegionFeatures get(String imageId) {
        Integer i = index.get(imageId);
        if (i == null) {
            throw new DataError(file, 0, "image_id", "unknown image id '" + imageId + "'");
        }
        return read(i);
    }

    private RegionFeatures read(int i) {
        byte[] b = new byte[lengths[i]];
        ByteBuffer bb = ByteBuffer.wrap(b);
        long pos = offsets[i];
        try {
            while (bb.hasRemaining()) {
                int r = channel.read(bb, pos + bb.position());
                if (r < 0) {
                    throw new DataError(file, lineNumbers[i], null, "file shrank since it was indexed");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return parsers.get().parse(b, 0, b.length);
        } catch (RecordProblem p) {
            throw new DataError(file, lineNumbers[i], p.field(), p.reason());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
