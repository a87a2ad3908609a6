package org.reliefdesk.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import java.util.OptionalInt;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontSetFamily;
import net.sf.jasperreports.engine.fonts.FontSetFamilyInfo;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.CharScriptsSet;
import org.reliefdesk.model.InvalidFieldException;

/**
 * What the printed reports can print: a character a face of the "ReliefDesk" font set draws
 * (fonts/reliefdesk-fonts.xml: Liberation Serif, the Song face, the CJK fallback), as Jasper
 * chooses: the face has it and the set does not exclude its script for that face.
 * Every text is checked before a report is filled, and a character no font has stops the report
 * with the ticket, the field and the character — a name is never printed with a character
 * silently missing.
 */
final class PrintableText {

    /**
     * The faces of the "ReliefDesk" set in its order, read from the set itself
     * (fonts/reliefdesk-fonts.xml), each with the scripts the set lets it draw.
     */
    private static final List<Face> FACES = FontUtil.getInstance(DefaultJasperReportsContext.getInstance())
            .getFontSetInfo("ReliefDesk", null, false)
            .getFamilies()
            .stream()
            .map(Face::of)
            .toList();

    private static final FontRenderContext PRINT = new FontRenderContext(null, true, true);

    private PrintableText() {}

    /**
     * About how wide {@code text} prints at {@code size} points, each character in the first face of
     * the set that draws it, without kerning: for a layout that must choose between one line and two
     * before Jasper fills it, with Jasper's own shrinking behind it.
     */
    static double width(String text, float size) {
        double width = 0;
        for (int c : text.codePoints().toArray()) {
            String ch = new String(Character.toChars(c));
            Font face = FACES.stream()
                    .filter(f -> f.draws(c))
                    .findFirst()
                    .orElse(FACES.get(0))
                    .font();
            width += face.deriveFont(size).getStringBounds(ch, PRINT).getWidth();
        }
        return width;
    }

    /** The first character no font of the set can draw, if any (spaces and line breaks always can). */
    static OptionalInt missing(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        return text.codePoints()
                .filter(c -> !Character.isWhitespace(c))
                .filter(c -> FACES.stream().noneMatch(f -> f.draws(c)))
                .findFirst();
    }

    /**
     * @param ticketNo the ticket the text belongs to, or null for a text of the report itself
     * @throws InvalidFieldException {@code rule.report.glyph} naming the field, the ticket and the character
     */
    static void check(String field, String ticketNo, String text) {
        OptionalInt c = missing(text);
        if (c.isPresent()) {
            String ch = new String(Character.toChars(c.getAsInt()));
            String code = String.format("U+%04X", c.getAsInt());
            throw ticketNo == null
                    ? new InvalidFieldException(field, "rule.report.glyphText", ch, code)
                    : new InvalidFieldException(field, "rule.report.glyph", ticketNo, ch, code);
        }
    }

    /**
     * A face of the set and the scripts the set lets it draw: Jasper draws a character in a face only
     * when the face has it and the family's included and excluded scripts allow it (the same rule,
     * Jasper's {@link CharScriptsSet} with ICU4J's script of each character).
     */
    private record Face(Font font, CharScriptsSet scripts) {

        static Face of(FontSetFamilyInfo family) {
            FontSetFamily f = family.getFontSetFamily();
            boolean limited = !(nullToEmpty(f.getIncludedScripts()).isEmpty()
                    && nullToEmpty(f.getExcludedScripts()).isEmpty());
            return new Face(
                    family.getFontFamily().getNormalFace().getFont(),
                    limited ? new CharScriptsSet(f.getIncludedScripts(), f.getExcludedScripts()) : null);
        }

        private static List<String> nullToEmpty(List<String> scripts) {
            return scripts == null ? List.of() : scripts;
        }

        boolean draws(int c) {
            return font.canDisplay(c) && (scripts == null || scripts.includesCharacter(c));
        }
    }
}
