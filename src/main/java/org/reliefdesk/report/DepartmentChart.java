package org.reliefdesk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.SummaryRow;

/**
 * The leaders' chart: overdue tickets by department as stacked horizontal bars (supervised, then
 * step-overdue), drawn with the reports' embedded Chinese font at twice the printed resolution.
 */
final class DepartmentChart {

    private static final Color SUPERVISED = new Color(0xB0, 0x00, 0x20);
    private static final Color STEP_OVERDUE = new Color(0xE8, 0x8B, 0x2E);
    private static Font base;

    private DepartmentChart() {
    }

    static synchronized Font font() {
        if (base == null) {
            try (InputStream in = DepartmentChart.class.getResourceAsStream("/fonts/gbsn00lp.ttf")) {
                base = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("the embedded report font cannot be read", e);
            }
        }
        return base;
    }

    /** {@code width} × {@code height} in points; the image has twice as many pixels. */
    static BufferedImage draw(List<SummaryRow> departments, Texts texts, int width, int height) {
        int scale = 2;
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Font label = font().deriveFont(11f);
            g.setFont(label);
            // as wide as the longest department name (English names are long), at most 40% of the chart
            int widest = departments.stream().mapToInt(r -> g.getFontMetrics().stringWidth(r.group())).max().orElse(60);
            int labelWidth = Math.min(width * 2 / 5, Math.max(80, widest + 16));
            int legend = 22;
            int rows = Math.max(1, departments.size());
            double bar = Math.min(24, (height - legend - 10) / (double) rows * 0.7);
            double pitch = (height - legend - 10) / (double) rows;
            int max = Math.max(1, departments.stream().mapToInt(SummaryRow::overdue).max().orElse(1));
            double plot = width - labelWidth - 130; // room for the value label after the longest bar
            for (int i = 0; i < departments.size(); i++) {
                SummaryRow r = departments.get(i);
                double y = legend + 5 + i * pitch + (pitch - bar) / 2;
                g.setColor(Color.BLACK);
                String name = r.group();
                int nameWidth = g.getFontMetrics().stringWidth(name);
                g.drawString(name, labelWidth - 8 - nameWidth, (float) (y + bar / 2 + 4));
                double w1 = plot * r.supervised() / max;
                double w2 = plot * r.stepOverdue() / max;
                g.setColor(SUPERVISED);
                g.fill(new java.awt.geom.Rectangle2D.Double(labelWidth, y, w1, bar));
                g.setColor(STEP_OVERDUE);
                g.fill(new java.awt.geom.Rectangle2D.Double(labelWidth + w1, y, w2, bar));
                g.setColor(Color.BLACK);
                g.drawString(r.overdue() + "（" + r.supervised() + " + " + r.stepOverdue() + "）",
                        (float) (labelWidth + w1 + w2 + 6), (float) (y + bar / 2 + 4));
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(0.8f));
            g.drawLine(labelWidth, legend, labelWidth, height - 4);
            // legend
            g.setColor(SUPERVISED);
            g.fillRect(labelWidth, 4, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(texts.msg("report.chart.supervised"), labelWidth + 16, 14);
            int next = labelWidth + 16 + g.getFontMetrics().stringWidth(texts.msg("report.chart.supervised")) + 20;
            g.setColor(STEP_OVERDUE);
            g.fillRect(next, 4, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(texts.msg("report.chart.stepOverdue"), next + 16, 14);
            if (departments.isEmpty()) {
                g.drawString(texts.msg("report.none"), labelWidth + 10, legend + 20);
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
