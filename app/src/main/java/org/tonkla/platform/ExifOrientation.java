package org.tonkla.platform;

import java.awt.geom.AffineTransform;

/**
 * How a camera says its JPEG is to be turned for display: the EXIF Orientation tag (0x0112 in IFD0 of
 * the APP1 "Exif" segment, values 1–8 as in EXIF 2.32 §4.6.4 A). The re-encoded photo carries no EXIF,
 * so the turn is applied to the pixels instead, or a phone photo taken upright would lie on its side.
 */
enum ExifOrientation {
    NORMAL, MIRROR_HORIZONTAL, ROTATE_180, MIRROR_VERTICAL, TRANSPOSE, ROTATE_90_CW, TRANSVERSE, ROTATE_90_CCW;

    private static final int SOS = 0xDA, EOI = 0xD9, APP1 = 0xE1;

    /** Whether the displayed image is as wide as the stored one is high. */
    boolean swapsEdges() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    /**
     * The transform from stored pixels of a {@code w}×{@code h} image to the upright image (which is
     * {@code h}×{@code w} when {@link #swapsEdges()}).
     */
    AffineTransform transform(double w, double h) {
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case MIRROR_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case MIRROR_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, h);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);        // (x, y) → (y, x)
            case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, h, 0);    // (x, y) → (h − y, x)
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);     // (x, y) → (h − y, w − x)
            case ROTATE_90_CCW -> new AffineTransform(0, -1, 1, 0, 0, w);   // (x, y) → (y, w − x)
        };
    }

    /**
     * The orientation a JPEG declares; {@link #NORMAL} when it has no EXIF, no such tag, a value outside
     * 1–8 or a malformed segment (a photo is never refused for its metadata).
     */
    // Read by hand: the JDK's ImageIO does not expose EXIF, and a metadata library is not worth a
    // dependency for one 16-bit tag.
    static ExifOrientation ofJpeg(byte[] jpeg) {
        int p = 2; // after SOI
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == SOS || marker == EOI) break; // metadata comes before the scan
            int length = u16(jpeg, p + 2, false);
            if (length < 2) break;
            if (marker == APP1 && length >= 8 && startsWithExif(jpeg, p + 4)) {
                return fromTiff(jpeg, p + 10, Math.min(jpeg.length, p + 2 + length));
            }
            p += 2 + length;
        }
        return NORMAL;
    }

    private static boolean startsWithExif(byte[] b, int at) {
        return at + 6 <= b.length && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f'
                && b[at + 4] == 0 && b[at + 5] == 0;
    }

    /** IFD0 of the TIFF structure in {@code b[tiff, end)}: "II" (little-endian) or "MM", 42, offset of IFD0. */
    private static ExifOrientation fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return NORMAL;
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') little = true;
        else if (b[tiff] == 'M' && b[tiff + 1] == 'M') little = false;
        else return NORMAL;
        if (u16(b, tiff + 2, little) != 42) return NORMAL;
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) return NORMAL;
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int e = (int) ifd + 2 + 12 * i;
            if (e + 12 > end) break;
            // Entry: tag, type (3 = SHORT), count, value (a SHORT sits in the first two bytes).
            if (u16(b, e, little) == 0x0112 && u16(b, e + 2, little) == 3) {
                int value = u16(b, e + 8, little);
                return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xFF, b1 = b[at + 1] & 0xFF;
        return little ? b1 << 8 | b0 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, at + (little ? 2 : 0), little), lo = u16(b, at + (little ? 0 : 2), little);
        return hi << 16 | lo;
    }
}
