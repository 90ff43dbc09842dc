package org.tonkla.platform;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A JPEG copied without its metadata, its compressed pixels untouched: an upright photo already small enough need
 * not be decoded and re-encoded (a generation of JPEG loss and most of the cost) to lose its EXIF, XMP and GPS.
 * Kept, and only these: the segments a decoder needs (quantisation and Huffman tables, a baseline, extended or
 * progressive frame, scans, restart interval), the first JFIF APP0 when it is its bare 16 bytes, and a bare Adobe APP14
 * (which says how the colours are coded). Dropped: every other application segment (EXIF and XMP are APP1, ICC
 * profiles APP2, IPTC APP13, a JFIF thumbnail or JFXX APP0) and comments; anything after the end-of-image marker
 * (where phones append a second picture) is cut off. A file with any other segment is not kept as is: the caller
 * decodes and re-encodes it instead (or refuses it when the JDK cannot decode it).
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
        boolean app0 = false;
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
            // Only Huffman-coded frames the JDK decodes (baseline, extended, progressive) are kept as they are.
            boolean startOfFrame = marker == 0xC0 || marker == 0xC1 || marker == 0xC2;
            if (startOfFrame) frame = true;
            if (marker == 0xDA && !frame) return Optional.empty(); // a scan before its frame header
            if (marker == 0xDA) scan = true;
            boolean picture = startOfFrame || marker == 0xC4 || marker == 0xDB || marker == 0xDD || marker == 0xDA;
            boolean jfif = marker == 0xE0 && !app0 && plainJfif(b, p);
            if (marker == 0xE0) app0 = true;
            boolean metadata = marker >= 0xE0 && marker <= 0xEF && marker != 0xEE || marker == 0xFE;
            if (marker == 0xEE && !plainAdobe(b, p)) return Optional.empty(); // an odd Adobe segment: decode instead
            // Anything else (another frame type, reserved markers that could carry data) is not kept as is either.
            if (!picture && !metadata && marker != 0xEE) return Optional.empty();
            if (picture || jfif || marker == 0xEE) out.write(b, p, end - p);
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

    /** A JFIF APP0 of exactly its 16 bytes: no embedded thumbnail (which could carry its own EXIF). */
    private static boolean plainJfif(byte[] b, int p) {
        int length = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        return length == 16 && b[p + 4] == 'J' && b[p + 5] == 'F' && b[p + 6] == 'I' && b[p + 7] == 'F' && b[p + 8] == 0
                && b[p + 16] == 0 && b[p + 17] == 0;
    }

    /** Adobe's APP14 of exactly its 14 bytes (version, flags, colour transform), which the decoder needs. */
    private static boolean plainAdobe(byte[] b, int p) {
        int length = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        return length == 14 && b[p + 4] == 'A' && b[p + 5] == 'd' && b[p + 6] == 'o' && b[p + 7] == 'b' && b[p + 8] == 'e';
    }
}
