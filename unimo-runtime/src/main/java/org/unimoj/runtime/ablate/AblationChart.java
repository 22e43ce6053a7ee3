package org.unimoj.runtime.ablate;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The study's chart: one small bar chart per column (mean over seeds, in percent, with a bar of
 * one standard deviation), variants in table order, laid out in a grid in one PNG.
 */
public final class AblationChart {

    private static final int W = 460;
    private static final int H = 330;
    private static final int PER_ROW = 3;

    static {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
    }

    private AblationChart() {}

    public static void write(AblationTable table, String title, Path file) {
        int n = table.columns().size();
        int rows = (n + PER_ROW - 1) / PER_ROW;
        int top = 40;
        BufferedImage img = new BufferedImage(W * Math.min(PER_ROW, n), top + H * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setPaint(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 12, 26);
        for (int i = 0; i < n; i++) {
            String column = table.columns().get(i);
            DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
            for (AblationTable.Row r : table.rows()) {
                AblationTable.Cell c = r.cells().get(column);
                double sd = Double.isNaN(c.sd()) ? 0 : 100 * c.sd();
                data.add(Double.isNaN(c.mean()) ? null : 100 * c.mean(), c.values().isEmpty() ? null : sd, "mean ± sd", r.variant().name());
            }
            CategoryAxis x = new CategoryAxis();
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            NumberAxis y = new NumberAxis("%");
            y.setAutoRangeIncludesZero(false);
            StatisticalBarRenderer renderer = new StatisticalBarRenderer();
            renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
            renderer.setSeriesPaint(0, new Color(70, 110, 170));
            CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            JFreeChart chart = new JFreeChart(column, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
            chart.setBackgroundPaint(Color.WHITE);
            chart.draw(g, new Rectangle2D.Double((i % PER_ROW) * W, top + (i / PER_ROW) * H, W, H));
        }
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file + ": " + e.getMessage(), e);
        }
    }
}
