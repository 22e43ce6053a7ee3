package org.unimoj.runtime.train.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.unimoj.runtime.train.Evaluation;
import org.unimoj.runtime.train.RunListener;

/**
 * What a user sees of a run: a progress bar (step, loss per objective, examples/s, ETA) on the
 * terminal, or a progress line every few seconds when the output is not a terminal; one line per
 * evaluation and checkpoint; the metrics log; and the charts, redrawn after every evaluation and
 * checkpoint and at the end.
 */
public final class RunReporter implements RunListener {

    private final PrintWriter err;
    private final MetricsLog log;
    private final Path chartsDir;
    private final boolean interactive;
    private final int lineSeconds;
    private final String label;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private double smoothedExamplesPerSecond;

    /**
     * @param err         where the progress and the lines go
     * @param log         the metrics log
     * @param chartsDir   where the PNG charts go
     * @param interactive true for a redrawn progress bar (a terminal), false for progress lines
     * @param lineSeconds seconds between progress lines when not interactive
     */
    public RunReporter(PrintWriter err, MetricsLog log, Path chartsDir, boolean interactive, int lineSeconds) {
        this("pretrain", err, log, chartsDir, interactive, lineSeconds);
    }

    /** As above, with {@code label} naming the run on the progress bar ("finetune vqa"). */
    public RunReporter(String label, PrintWriter err, MetricsLog log, Path chartsDir, boolean interactive, int lineSeconds) {
        this.label = label;
        this.err = err;
        this.log = log;
        this.chartsDir = chartsDir;
        this.interactive = interactive;
        this.lineSeconds = lineSeconds;
    }

    @Override
    public synchronized void started(long firstStep, long lastStep) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(label).setInitialMax(lastStep).setStyle(ProgressBarStyle.ASCII)
                .setMaxRenderedLength(150).startsFrom(firstStep - 1, Duration.ZERO);
        if (!interactive) {
            b.setConsumer(new DelegatingProgressBarConsumer(line -> {
                err.println(line.strip());
                err.flush();
            }, 150)).setUpdateIntervalMillis(lineSeconds * 1000);
        }
        bar = b.build();
    }

    @Override
    public synchronized void step(StepReport r) {
        double now = (System.nanoTime() - started) / 1e9;
        log.step(r.step(), r.result().total(), r.result().losses(), r.result().learningRate(), r.result().gradNorm(), r.examples(), r.stepSeconds(),
                r.waitSeconds(), now);
        double eps = r.examples() / Math.max(1e-9, r.stepSeconds() + r.waitSeconds());
        smoothedExamplesPerSecond = smoothedExamplesPerSecond == 0 ? eps : 0.9 * smoothedExamplesPerSecond + 0.1 * eps;
        if (bar != null) {
            bar.stepTo(r.step());
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f (%s) %.0f ex/s", r.result().total(), objectives(r.result().losses()),
                    smoothedExamplesPerSecond));
        }
    }

    private static String objectives(Map<String, Double> losses) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.3f", e.getValue()));
        }
        return sb.toString();
    }

    @Override
    public synchronized void evaluated(long step, String name, Evaluation.Result result, double seconds, boolean last) {
        log.evaluation(step, name, result.metrics(), seconds, last);
        line(String.format(Locale.ROOT, "step %d %s (%.1f s): %s", step, name, seconds, result.headline()));
        redraw();
    }

    @Override
    public synchronized void checkpointed(long step, Path dir, double seconds) {
        log.checkpoint(step, dir, seconds);
        redraw();
    }

    @Override
    public synchronized void message(String line) {
        line(line);
    }

    private void line(String s) {
        if (bar != null && interactive) {
            err.print("\r\033[K"); // clear the bar's line; it redraws itself
        }
        err.println(s);
        err.flush();
    }

    private void redraw() {
        try {
            Charts.draw(MetricsLog.read(log.file()), chartsDir);
        } catch (RuntimeException e) {
            line(label + ": the charts were not drawn: " + e.getMessage()); // a picture never stops a run
        }
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        redraw();
        log.close();
    }
}
