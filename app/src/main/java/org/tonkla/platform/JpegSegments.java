package org.tonkla.platform;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A JPEG copied without its metadata, its compressed pixels untouched: an upright photo already small enough need
 * not be decoded and re-encoded (a generation of JPEG loss and most of the cost) to lose its EXIF, XMP and GPS.
 * Kept: the segments a decoder needs (quantisation and Huffman tables, frame, scans, restart interval), JFIF (APP0)
 * and Adobe (APP14, which says how the colours are coded). Dropped: every other application segment (EXIF and XMP
 * are APP1, ICC profiles APP2, IPTC APP13) and comments; anything after the end-of-image marker (where phones append
 * a second picture) is cut off.
 */
final class JpegSegments {

    private JpegSegments() {}

    /**
     * The stripped copy, or empty when the bytes do not parse as a baseline or progressive JPEG's segments: a frame
     * header, then at least one scan, then the end-of-image marker (so a truncated file is never kept as is).
     */
    static Optional<byte[]> withoutMetadata(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return Optional.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int p = 2;
        boolean frame = false;
        boolean scan = false;
        while (p + 1 < b.length) {
            if ((b[p] & 0xFF) != 0xFF) return Optional.empty();
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                p++;
                continue;
            }
            if (marker == 0xD9) { // end of image: nothing after it is kept
                if (!frame || !scan) return Optional.empty(); // no picture in it: not a photo to keep as is
                out.write(0xFF);
                out.write(0xD9);
                return Optional.of(out.toByteArray());
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 || p + 3 >= b.length) return Optional.empty();
            int end = p + 2 + ((b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF));
            if (end > b.length || end < p + 4) return Optional.empty();
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) frame = true;
            if (marker == 0xDA && !frame) return Optional.empty(); // a scan before its frame header
            if (marker == 0xDA) scan = true;
            boolean metadata = marker >= 0xE1 && marker <= 0xEF && marker != 0xEE || marker == 0xFE;
            if (!metadata) out.write(b, p, end - p);
            p = end;
            if (marker == 0xDA) { // a scan: entropy-coded data up to the next marker that is not a restart or a stuffed 0xFF
                int q = p;
                while (q + 1 < b.length) {
                    if ((b[q] & 0xFF) == 0xFF) {
                        int next = b[q + 1] & 0xFF;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) break;
                        q += 2;
                    } else {
                        q++;
                    }
                }
                if (q + 1 >= b.length) return Optional.empty();
                out.write(b, p, q - p);
                p = q;
            }
        }
        return Optional.empty();
    }
}
