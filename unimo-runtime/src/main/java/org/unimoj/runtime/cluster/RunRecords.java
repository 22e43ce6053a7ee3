package org.unimoj.runtime.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What a member writes into the run directory: {@code member-PORT/consumed.tsv} (the slots it
 * trained on, per step, as {@link #format} ranges, appended as each step is applied, and
 * {@code rollback STEP} when a step is undone), {@code member-PORT/timings.tsv},
 * {@code member-PORT/params.f32} (final parameters, raw little-endian floats) and, from the
 * leader, {@code summary.tsv}: every applied step with each member's slots, then per stream the
 * slots of the data set, read, read twice and never read.
 */
public final class RunRecords {

    public static final String CONSUMED = "consumed.tsv";
    public static final String TIMINGS = "timings.tsv";
    public static final String PARAMS = "params.f32";
    public static final String SUMMARY = "summary.tsv";
    /** Checkpoints the leader writes: checkpoints/step-N (every --checkpoint-every steps) and checkpoints/final. */
    public static final String CHECKPOINTS = "checkpoints";

    private final Path dir;
    private final Path memberDir;

    RunRecords(Path dir, int port) {
        this.dir = dir;
        this.memberDir = dir.resolve("member-" + port);
        try {
            Files.createDirectories(memberDir);
            Files.writeString(memberDir.resolve(TIMINGS), "step\tmembers\tcompute_ms\tallreduce_ms\tbytes_sent\tloss\n");
            Files.writeString(memberDir.resolve(CONSUMED), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + memberDir, e);
        }
    }

    /** Directory of the member on {@code port}. */
    public static Path memberDir(Path runDir, int port) {
        return runDir.resolve("member-" + port);
    }

    Path checkpoint(String name) {
        return dir.resolve(CHECKPOINTS).resolve(name);
    }

    void consumed(long step, List<ShardTable.Range> ranges) {
        append(CONSUMED, step + "\t" + format(ranges) + "\n");
    }

    void rolledBack(long step) {
        append(CONSUMED, "rollback\t" + step + "\n");
    }

    void timing(long step, int members, double computeMs, double allReduceMs, long bytes, double loss) {
        append(TIMINGS, String.format(java.util.Locale.ROOT, "%d\t%d\t%.3f\t%.3f\t%d\t%.6f%n", step, members, computeMs, allReduceMs, bytes, loss));
    }

    void parameters(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        write(memberDir.resolve(PARAMS), b.array());
    }

    /** One applied step of the run: the ring, each member's slot ranges (ring order) and the examples in all of them. */
    record AppliedStep(long step, List<String> ring, List<List<ShardTable.Range>> ranges, long examples) {}

    /** Ranges as {@code STREAM/SHARD:FROM-TO:FILLED} separated by spaces (an end the reader reached adds {@code :endN}). */
    public static String format(List<ShardTable.Range> ranges) {
        StringBuilder sb = new StringBuilder();
        for (ShardTable.Range r : ranges) {
            sb.append(sb.length() == 0 ? "" : " ").append(ClusterData.STREAMS.get(r.stream())).append('/').append(r.shard()).append(':')
                    .append(r.from()).append('-').append(r.to()).append(':').append(r.filled());
            if (r.end() >= 0) {
                sb.append(":end").append(r.end());
            }
        }
        return sb.toString();
    }

    /** Parses {@link #format}'s output. */
    public static List<ShardTable.Range> parseRanges(String s) {
        List<ShardTable.Range> out = new java.util.ArrayList<>();
        for (String t : s.trim().split(" ")) {
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split(":");
            String[] ss = f[0].split("/");
            String[] ft = f[1].split("-");
            long end = f.length > 3 ? Long.parseLong(f[3].substring(3)) : -1;
            out.add(new ShardTable.Range(ClusterData.STREAMS.indexOf(ss[0]), Integer.parseInt(ss[1]), Long.parseLong(ft[0]), Long.parseLong(ft[1]),
                    Long.parseLong(f[2]), end));
        }
        return out;
    }

    /**
     * The leader's account of the run; returns its last line. For every stream the batches use:
     * the slots of its shards (once each shard's end is known), the slots the applied steps read
     * (and before them, up to the table the run started from), slots read twice, slots never read,
     * and how many of those read were examples (the rest quarantined). {@code used} tells the
     * streams the batches take from (by index).
     */
    String summary(List<AppliedStep> steps, ShardTable last, long stepsBefore, ShardTable first, java.util.function.IntPredicate used) {
        StringBuilder sb = new StringBuilder("step\tmember\tslots\n");
        int streams = last.streams();
        int shards = last.shards();
        List<List<long[]>> intervals = new java.util.ArrayList<>();
        for (int i = 0; i < streams * shards; i++) {
            intervals.add(new java.util.ArrayList<>());
        }
        long[] filled = new long[streams];
        for (int s = 0; s < streams; s++) {
            for (int k = 0; k < shards; k++) {
                if (first.next(s, k) > 0) {
                    intervals.get(s * shards + k).add(new long[] {0, first.next(s, k)});
                }
            }
        }
        for (AppliedStep st : steps) {
            for (int r = 0; r < st.ring().size(); r++) {
                sb.append(st.step()).append('\t').append(st.ring().get(r)).append('\t').append(format(st.ranges().get(r))).append('\n');
                for (ShardTable.Range x : st.ranges().get(r)) {
                    intervals.get(x.stream() * shards + x.shard()).add(new long[] {x.from(), x.to()});
                    filled[x.stream()] += x.filled();
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < streams; s++) {
            if (!used.test(s)) {
                continue;
            }
            long slots = 0;
            long read = 0;
            long twice = 0;
            long covered = 0;
            boolean known = true;
            for (int k = 0; k < shards; k++) {
                long end = last.end(s, k);
                known &= end >= 0;
                slots += Math.max(end, 0);
                List<long[]> iv = intervals.get(s * shards + k);
                iv.sort(java.util.Comparator.comparingLong(a -> a[0]));
                long reach = 0;
                for (long[] a : iv) {
                    read += a[1] - a[0];
                    twice += Math.max(0, Math.min(reach, a[1]) - a[0]);
                    covered += Math.max(0, a[1] - Math.max(reach, a[0]));
                    reach = Math.max(reach, a[1]);
                }
            }
            line.append(line.length() == 0 ? "" : " | ").append(ClusterData.STREAMS.get(s)).append(' ')
                    .append(known ? Long.toString(slots) : "(not read through)").append(" slots read ").append(read).append(" duplicates ")
                    .append(twice).append(" missing ").append(known ? Long.toString(slots - covered) : "?").append(" examples ").append(filled[s]);
        }
        line.append(" | steps ").append(steps.size());
        if (stepsBefore > 0) {
            line.append(" (after ").append(stepsBefore).append(" steps before the checkpoint)");
        }
        sb.append("# ").append(line).append('\n');
        write(dir.resolve(SUMMARY), sb.toString().getBytes(StandardCharsets.UTF_8));
        return line.toString();
    }

    /** Reads a params file. */
    public static float[] readParameters(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private void append(String name, String line) {
        try {
            Files.writeString(memberDir.resolve(name), line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + memberDir.resolve(name), e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
