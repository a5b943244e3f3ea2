package dev.micrograd.lesson.chart;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chapter's JFreeChart charts as SVG files that are the same bytes on every run. */
public final class ChartSvg {
    private ChartSvg() {
    }

    /** Writes the chart as SVG, with fixed ids and two decimals so every run gives the same bytes. */
    public static void write(JFreeChart chart, int width, int height, String id, Path file) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id);
        g2.setGeomDoubleConverter(d -> String.format(Locale.ROOT, "%.2f", d));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
    }
}
