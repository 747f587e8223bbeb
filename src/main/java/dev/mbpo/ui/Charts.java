package dev.mbpo.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Chart construction and the workbench's look. */
final class Charts {
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)
    };
    static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 13);
    static final Font LABEL = new Font("DejaVu Sans", Font.PLAIN, 11);
    /** Series longer than this are capped (oldest points dropped) to keep redraws fast. */
    static final int MAX_POINTS = 20_000;

    private Charts() {
    }

    static XYSeries series(String name) {
        XYSeries s = new XYSeries(name, false, true);
        s.setMaximumItemCount(MAX_POINTS);
        return s;
    }

    /** An XY line chart with the given series on one axis, styled for the workbench. */
    static JFreeChart lineChart(String title, String xLabel, String yLabel, XYSeriesCollection data) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        SamplingXYLineRenderer r = sampling();
        XYPlot plot = new XYPlot(data, x, y, r);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        return style(new JFreeChart(title, TITLE, plot, true));
    }

    /** A renderer for long series that draws at most a few points per pixel column, with legend lines. */
    static SamplingXYLineRenderer sampling() {
        return new SamplingXYLineRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
                org.jfree.chart.LegendItem base = super.getLegendItem(datasetIndex, series);
                if (base == null) {
                    return null;
                }
                // The default item of this renderer draws no swatch: show the series' line instead.
                return new org.jfree.chart.LegendItem(base.getLabel(), base.getDescription(), base.getToolTipText(),
                        base.getURLText(), new java.awt.geom.Line2D.Double(-8, 0, 8, 0), lookupSeriesStroke(series),
                        lookupSeriesPaint(series));
            }

            /** A series of one point has no line to draw: it is drawn as a dot instead of not at all. */
            @Override
            public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
                                 java.awt.geom.Rectangle2D dataArea, org.jfree.chart.plot.PlotRenderingInfo info, XYPlot plot,
                                 org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                                 org.jfree.data.xy.XYDataset dataset, int series, int item,
                                 org.jfree.chart.plot.CrosshairState crosshairState, int pass) {
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
                if (item == 0 && dataset.getItemCount(series) == 1) {
                    double x = domainAxis.valueToJava2D(dataset.getXValue(series, 0), dataArea, plot.getDomainAxisEdge());
                    double y = rangeAxis.valueToJava2D(dataset.getYValue(series, 0), dataArea, plot.getRangeAxisEdge());
                    if (Double.isFinite(x) && Double.isFinite(y)) {
                        g2.setPaint(lookupSeriesPaint(series));
                        g2.fill(new java.awt.geom.Ellipse2D.Double(x - 3.5, y - 3.5, 7, 7));
                    }
                }
            }
        };
    }

    /** Lines with point markers (for sparse series such as evaluations). */
    static XYLineAndShapeRenderer markers(Color... colors) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        return r;
    }

    static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(new Color(0xfbfbfd));
            p.setDomainGridlinePaint(new Color(0xdddddd));
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.setOutlineVisible(false);
            p.getDomainAxis().setLabelFont(LABEL);
            p.getDomainAxis().setTickLabelFont(LABEL);
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                if (p.getRangeAxis(i) != null) {
                    p.getRangeAxis(i).setLabelFont(LABEL);
                    p.getRangeAxis(i).setTickLabelFont(LABEL);
                }
            }
        }
        return chart;
    }

    static void subtitle(JFreeChart chart, TextTitle t, String text) {
        t.setText(text);
        t.setFont(LABEL);
        t.setPaint(new Color(0x555555));
        if (!chart.getSubtitles().contains(t)) {
            chart.addSubtitle(t);
        }
    }

    /**
     * Restyles a chart for a theme and a font scale (presenter mode): backgrounds, grid, text
     * colours and every font of titles, axes and legend.
     */
    static void applyTheme(JFreeChart chart, Theme theme, double fontScale) {
        Color bg = theme.awt(theme.panel());
        Color text = theme.awt(theme.text());
        Color muted = theme.awt(theme.muted());
        Font title = TITLE.deriveFont((float) (TITLE.getSize2D() * fontScale));
        Font label = LABEL.deriveFont((float) (LABEL.getSize2D() * fontScale));
        // Subtitles and legends grow less than titles and axes: at full scale they took the
        // lower plots' room at 1366x768 (data areas under 100 px high).
        Font small = LABEL.deriveFont((float) (LABEL.getSize2D() * Math.min(fontScale, 1.2)));
        chart.setBackgroundPaint(bg);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
            chart.getTitle().setFont(title);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setPaint(muted);
                t.setFont(small);
                // Large fonts: the first line of a subtitle only, so that the plot keeps its room
                // (1366x768: the lower plots' data areas fell under 100 px with every line).
                t.setMaximumLinesToDisplay(fontScale > 1 ? 1 : Integer.MAX_VALUE);
            } else if (chart.getSubtitle(i) instanceof org.jfree.chart.title.LegendTitle l) {
                l.setItemPaint(text);
                l.setItemFont(small);
                l.setBackgroundPaint(bg);
            }
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(theme == Theme.DARK ? new Color(0x252c39) : new Color(0xfbfbfd));
            Color grid = theme == Theme.DARK ? new Color(0x3b4456) : new Color(0xdddddd);
            p.setDomainGridlinePaint(grid);
            p.setRangeGridlinePaint(grid);
            java.util.List<org.jfree.chart.axis.ValueAxis> axes = new java.util.ArrayList<>();
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axes.add(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axes.add(p.getRangeAxis(i));
            }
            for (org.jfree.chart.axis.ValueAxis a : axes) {
                if (a != null) {
                    a.setLabelPaint(text);
                    a.setTickLabelPaint(text);
                    a.setLabelFont(label);
                    a.setTickLabelFont(label);
                    a.setAxisLinePaint(muted);
                    a.setTickMarkPaint(muted);
                }
            }
        }
    }
}
