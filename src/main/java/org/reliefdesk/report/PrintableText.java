package org.reliefdesk.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.reliefdesk.model.InvalidFieldException;

/**
 * What the printed reports can print: a character one of the embedded fonts of the "ReliefDesk"
 * font set has (fonts/reliefdesk-fonts.xml: Liberation Serif, the Song face, the CJK fallback).
 * Every text is checked before a report is filled, and a character no font has stops the report
 * with the ticket, the field and the character — a name is never printed with a character
 * silently missing.
 */
final class PrintableText {

    /** The set's faces in its order, each with the scripts the set keeps from it (as reliefdesk-fonts.xml). */
    private static final List<Face> FACES = List.of(
            new Face(load("/fonts/LiberationSerif-Regular.ttf"), Set.of()),
            new Face(load("/fonts/gbsn00lp.ttf"), Set.of(UnicodeScript.LATIN)),
            new Face(load("/fonts/DroidSansFallbackFull.ttf"), Set.of(UnicodeScript.LATIN, UnicodeScript.COMMON)));

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

    private static Font load(String resource) {
        try (InputStream in = PrintableText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the program");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " cannot be read", e);
        }
    }

    /**
     * A face of the set and the scripts the set keeps from it: Jasper draws a character in a face
     * only when the face has it and its script is not excluded for that face.
     */
    private record Face(Font font, Set<UnicodeScript> excluded) {

        boolean draws(int c) {
            return font.canDisplay(c) && !excluded.contains(UnicodeScript.of(c));
        }
    }
}
