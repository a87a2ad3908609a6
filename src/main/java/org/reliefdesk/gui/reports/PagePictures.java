package org.reliefdesk.gui.reports;

import java.awt.Image;
import java.awt.image.BufferedImage;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A report page drawn by Jasper (an AWT picture) as a JavaFX picture, for the preview and for printing. */
final class PagePictures {

    private PagePictures() {}

    static WritableImage toFx(Image awt) {
        BufferedImage img = (BufferedImage) awt;
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }
}
