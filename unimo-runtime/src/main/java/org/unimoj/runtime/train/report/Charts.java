package org.unimoj.runtime.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a run's curves from its metrics log to PNG (JFreeChart, headless): {@code loss.png}, the
 * loss of every objective and their sum against the step (averaged over windows so that a long run
 * stays readable), and {@code eval.png}, every evaluation metric against the step. Files are
 * replaced atomically, so a viewer never sees half a picture.
 */
public final class Charts {

    public static final String LOSS = "loss.png";
    public static final String EVAL = "eval.png";

    static {
        System.setProperty("java.awt.headless", "true");
        // no temporary cache files: ImageIO would register a JVM shutdown hook for them, which fails
        // while a run stopped by SIGTERM draws its last charts
        javax.imageio.ImageIO.setUseCache(false);
    }

    private Charts() {}

    /** Draws both charts of the log {@code entries} into {@code dir}; the evaluation chart only when there are evaluations. */
    public static void draw(List<JsonNode> entries, Path dir) {
        Map<String, XYSeries> losses = new LinkedHashMap<>();
        Map<String, double[]> window = new LinkedHashMap<>();
        long steps = entries.stream().filter(n -> "step".equals(n.path("type").asText())).count();
        int every = (int) Math.max(1, steps / 300);
        Map<String, XYSeries> evals = new LinkedHashMap<>();
        for (JsonNode n : entries) {
            String type = n.path("type").asText();
            long step = n.path("step").asLong();
            if ("step".equals(type)) {
                add(losses, window, "total", step, n.path("loss").asDouble(), every);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("losses").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    add(losses, window, e.getKey(), step, e.getValue().asDouble(), every);
                }
            } else if ("eval".equals(type)) {
                String name = n.path("name").asText();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("metrics").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().contains("@")) {
                        evals.computeIfAbsent(name + " " + e.getKey(), XYSeries::new).add(step, e.getValue().asDouble());
                    }
                }
            }
        }
        if (!losses.isEmpty()) {
            save(chart("Pre-training loss (mean of " + every + " step" + (every > 1 ? "s" : "") + ")", "loss", losses, false), dir.resolve(LOSS));
        }
        if (!evals.isEmpty()) {
            save(chart("Held-out evaluation", "value", evals, true), dir.resolve(EVAL));
        }
    }

    private static void add(Map<String, XYSeries> series, Map<String, double[]> window, String name, long step, double value, int every) {
        if (!Double.isFinite(value)) {
            return;
        }
        double[] w = window.computeIfAbsent(name, k -> new double[3]); // sum, count, step sum
        w[0] += value;
        w[1]++;
        w[2] += step;
        if (w[1] >= every) {
            series.computeIfAbsent(name, XYSeries::new).add(w[2] / w[1], w[0] / w[1]);
            w[0] = w[1] = w[2] = 0;
        }
    }

    private static JFreeChart chart(String title, String yLabel, Map<String, XYSeries> series, boolean shapes) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 960, 540);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }
}
