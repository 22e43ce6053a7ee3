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
 * What a member writes into the run directory: {@code member-PORT/consumed.tsv} (the examples it
 * trained on, per step, appended as each step is applied, and {@code rollback STEP} when a step
 * is undone), {@code member-PORT/timings.tsv}, {@code member-PORT/params.f32} (final parameters,
 * raw little-endian floats) and, from the leader, {@code summary.tsv}: every applied step with
 * each member's examples, then the count of examples consumed, duplicated and missed.
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

    void consumed(long step, long[] ids) {
        append(CONSUMED, step + "\t" + join(ids) + "\n");
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

    /** One applied step of the run: the ring and each member's examples. */
    record AppliedStep(long step, List<String> ring, List<long[]> ids) {}

    /**
     * The leader's account of the run; returns its last line. Examples {@code [0, before)} were
     * consumed by the {@code stepsBefore} steps before the checkpoint the run started from.
     */
    String summary(List<AppliedStep> steps, long examples, long stepsBefore, long before) {
        StringBuilder sb = new StringBuilder("step\tmember\texamples\n");
        boolean[] seen = new boolean[(int) examples];
        java.util.Arrays.fill(seen, 0, (int) before, true);
        long consumed = before;
        long duplicates = 0;
        for (AppliedStep s : steps) {
            for (int r = 0; r < s.ring().size(); r++) {
                long[] ids = s.ids().get(r);
                sb.append(s.step()).append('\t').append(s.ring().get(r)).append('\t').append(join(ids)).append('\n');
                for (long id : ids) {
                    consumed++;
                    if (seen[(int) id]) {
                        duplicates++;
                    }
                    seen[(int) id] = true;
                }
            }
        }
        long missing = 0;
        for (boolean b : seen) {
            missing += b ? 0 : 1;
        }
        String last = "examples " + examples + " consumed " + consumed + " duplicates " + duplicates + " missing " + missing
                + " steps " + steps.size() + (stepsBefore > 0 ? " (and " + stepsBefore + " steps of " + before + " examples before the checkpoint)" : "");
        sb.append("# ").append(last).append('\n');
        write(dir.resolve(SUMMARY), sb.toString().getBytes(StandardCharsets.UTF_8));
        return last;
    }

    static String join(long[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return sb.toString();
    }

    /** Parses {@link #join}'s output. */
    public static long[] parseIds(String s) {
        if (s.isEmpty()) {
            return new long[0];
        }
        String[] p = s.split(",");
        long[] ids = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            ids[i] = Long.parseLong(p[i]);
        }
        return ids;
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
