package org.reliefdesk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.SummaryRow;

/**
 * The leaders' chart: overdue tickets by department as stacked horizontal bars (supervised, then
 * step-overdue). Drawn as vectors into whatever Graphics2D the report is rendered to — the PDF's
 * own drawing (sharp at any zoom, no pasted picture) or the preview's image — with every label
 * as glyph outlines of the embedded Song font, so no font mapping can drop a character.
 * (JasperReports 7's chart component lives in jasperreports-charts, which is not on Maven
 * Central; this is the same vector result without it.)
 */
final class DepartmentChart extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    private static final Color SUPERVISED = new Color(0xB0, 0x00, 0x20);
    private static final Color STEP_OVERDUE = new Color(0xE8, 0x8B, 0x2E);
    private static final float LABEL_SIZE = 8f;
    private static Font base;
    private static Font latin;

    private final String[] names;
    private final int[] supervised;
    private final int[] stepOverdue;
    private final String supervisedLabel;
    private final String stepOverdueLabel;
    private final String noneLabel;

    DepartmentChart(List<SummaryRow> departments, Texts texts) {
        names = departments.stream().map(SummaryRow::group).toArray(String[]::new);
        supervised = departments.stream().mapToInt(SummaryRow::supervised).toArray();
        stepOverdue = departments.stream().mapToInt(SummaryRow::stepOverdue).toArray();
        supervisedLabel = texts.msg("report.chart.supervised");
        stepOverdueLabel = texts.msg("report.chart.stepOverdue");
        noneLabel = texts.msg("report.none");
    }

    /** The Song face of the report fonts (AR PL SungtiL GB), for Chinese labels. */
    static synchronized Font font() {
        if (base == null) {
            base = load("/fonts/gbsn00lp.ttf");
        }
        return base;
    }

    /** The proportional Latin face of the report fonts (Liberation Serif), for labels in English. */
    static synchronized Font latinFont() {
        if (latin == null) {
            latin = load("/fonts/LiberationSerif-Regular.ttf");
        }
        return latin;
    }

    private static Font load(String resource) {
        try (InputStream in = DepartmentChart.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the embedded report font " + resource + " cannot be read", e);
        }
    }

    /**
     * The Latin face for a label it can draw whole, else the Song face (Chinese names; it has no ASCII
     * characters, so PrintableTextTest checks that every department name is drawn whole).
     */
    static Font faceFor(String s, float size) {
        Font l = latinFont();
        return (l.canDisplayUpTo(s) == -1 ? l : font()).deriveFont(size);
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g0, Rectangle2D area) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.translate(area.getX(), area.getY());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            draw(g, area.getWidth(), area.getHeight());
        } finally {
            g.dispose();
        }
    }

    private void draw(Graphics2D g, double width, double height) {
        FontRenderContext frc = new FontRenderContext(new AffineTransform(), true, true);
        double widest = 40;
        for (String n : names) {
            widest = Math.max(
                    widest, faceFor(n, LABEL_SIZE).getStringBounds(n, frc).getWidth());
        }
        double labelWidth = Math.min(width * 0.42, widest + 8);
        // long (English) names get a smaller type rather than being cut
        float nameSize = (float) Math.max(5.5, Math.min(LABEL_SIZE, LABEL_SIZE * (labelWidth - 8) / widest));
        double legend = 14;
        int rows = Math.max(1, names.length);
        double pitch = (height - legend - 6) / rows;
        double bar = Math.min(14, pitch * 0.7);
        int max = 1;
        for (int i = 0; i < names.length; i++) {
            max = Math.max(max, supervised[i] + stepOverdue[i]);
        }
        double plot = width - labelWidth - 56; // room for the value after the longest bar
        for (int i = 0; i < names.length; i++) {
            double y = legend + 4 + i * pitch + (pitch - bar) / 2;
            Font nameFont = faceFor(names[i], nameSize);
            double nameWidth = nameFont.getStringBounds(names[i], frc).getWidth();
            text(g, nameFont, frc, names[i], labelWidth - 4 - nameWidth, y + bar / 2 + 3, Color.BLACK);
            double w1 = plot * supervised[i] / max;
            double w2 = plot * stepOverdue[i] / max;
            g.setColor(SUPERVISED);
            g.fill(new Rectangle2D.Double(labelWidth, y, w1, bar));
            g.setColor(STEP_OVERDUE);
            g.fill(new Rectangle2D.Double(labelWidth + w1, y, w2, bar));
            text(
                    g,
                    faceFor("0", LABEL_SIZE),
                    frc,
                    (supervised[i] + stepOverdue[i]) + " (" + supervised[i] + "+" + stepOverdue[i] + ")",
                    labelWidth + w1 + w2 + 3,
                    y + bar / 2 + 3,
                    Color.BLACK);
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Line2D.Double(labelWidth, legend, labelWidth, height - 2));
        g.setColor(SUPERVISED);
        g.fill(new Rectangle2D.Double(labelWidth, 2, 8, 8));
        Font legendFont = faceFor(supervisedLabel + stepOverdueLabel, LABEL_SIZE);
        text(g, legendFont, frc, supervisedLabel, labelWidth + 11, 9, Color.BLACK);
        double next = labelWidth
                + 11
                + legendFont.getStringBounds(supervisedLabel, frc).getWidth()
                + 12;
        g.setColor(STEP_OVERDUE);
        g.fill(new Rectangle2D.Double(next, 2, 8, 8));
        text(g, legendFont, frc, stepOverdueLabel, next + 11, 9, Color.BLACK);
        if (names.length == 0) {
            text(g, faceFor(noneLabel, LABEL_SIZE), frc, noneLabel, labelWidth + 6, legend + 14, Color.BLACK);
        }
    }

    /** Text as filled glyph outlines: vectors in the PDF, independent of any font mapping. */
    private static void text(Graphics2D g, Font font, FontRenderContext frc, String s, double x, double y, Color c) {
        g.setColor(c);
        g.fill(font.createGlyphVector(frc, s).getOutline((float) x, (float) y));
    }
}
