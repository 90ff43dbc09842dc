package org.tonkla.platform;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import org.tonkla.platform.FileStore.Problem;
import org.tonkla.platform.FileStore.Refused;

/**
 * Re-encodes an uploaded JPEG or PNG as pixels only (no EXIF, XMP or GPS), turned upright as its EXIF
 * orientation says and scaled down to a longest edge, without letting one upload take the server's memory
 * or cores: the size is read from the header and refused above {@link #MAX_PIXELS} before any pixel is
 * decoded, at most {@link #DECODE_PERMITS} images are decoded at once (others wait up to
 * {@link #DECODE_WAIT}, then are refused as {@link Problem#BUSY}), and a large photo is subsampled while
 * it is decoded, so it never occupies its full size in memory.
 */
final class PhotoCleaner {

    /** The most pixels an uploaded photo may declare: 40 MP is above any phone camera's default mode. */
    static final long MAX_PIXELS = 40_000_000L;

    /** Images decoded at once: each costs a core while it decodes, and two is what the standard machine has. */
    static final int DECODE_PERMITS = 2;

    /** How long an upload waits for a decoding slot before it is refused as busy. */
    static final Duration DECODE_WAIT = Duration.ofSeconds(10);

    private static final float JPEG_QUALITY = 0.88f;


    static {
        // Decode from memory only: the default cache writes a temporary file for every image read.
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;
    private final Semaphore decoding;
    private final Duration wait;

    PhotoCleaner() {
        this(MAX_PIXELS, new Semaphore(DECODE_PERMITS, true), DECODE_WAIT);
    }

    /** For tests: {@code decoding} is the (fair) semaphore of decoding slots the test can hold. */
    PhotoCleaner(long maxPixels, Semaphore decoding, Duration wait) {
        this.maxPixels = maxPixels;
        this.decoding = decoding;
        this.wait = wait;
    }

    /**
     * The cleaned photo: {@code type} ({@code image/jpeg} or {@code image/png}, as sniffed from the bytes)
     * re-encoded in the same format, upright, at most {@code maxEdge} pixels on its long edge; an upright JPEG
     * already within that edge is not decoded but kept as its own compressed pixels, only its metadata segments
     * dropped ({@link JpegSegments}, which also checks that its segments are whole).
     *
     * @throws Refused {@link Problem#TYPE} when the bytes are not a readable image of that type,
     *     {@link Problem#TOO_MANY_PIXELS} when its header declares more than the limit,
     *     {@link Problem#BUSY} when no decoding slot frees up in time
     */
    byte[] clean(byte[] bytes, String type, String fileName, int maxEdge) {
        return clean(bytes, type, fileName, maxEdge, 0)[0];
    }

    /**
     * Like {@link #clean(byte[], String, String, int)}, and from the same single decode a second, smaller copy at
     * most {@code thumbnailEdge} pixels on its long edge (0: none), so a photo and its thumbnail cost one decode. A
     * photo kept as it is has no decode to share: its thumbnail is {@code null}, to be made when first shown.
     */
    byte[][] clean(byte[] bytes, String type, String fileName, int maxEdge, int thumbnailEdge) {
        boolean png = type.equals("image/png");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, png ? "png" : "jpeg", fileName);
            try {
                reader.setInput(in, true, true); // forward only, no metadata: the header, then the pixels
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) throw new Refused(Problem.TYPE, fileName);
                if ((long) w * h > maxPixels) throw new Refused(Problem.TOO_MANY_PIXELS, fileName);
                ExifOrientation orientation = png ? ExifOrientation.NORMAL : ExifOrientation.ofJpeg(bytes);
                // An upright JPEG within the edge keeps its compressed pixels and loses only its metadata, without
                // being decoded: decoding was most of a home visit's CPU. Its segments are checked (frame, scan,
                // end of image); its thumbnail, if wanted, is made when first shown (FileStore#thumbnail).
                boolean asIs = !png && orientation == ExifOrientation.NORMAL && Math.max(w, h) <= maxEdge;
                byte[] stripped = asIs ? JpegSegments.withoutMetadata(bytes).orElse(null) : null;
                if (stripped != null) return new byte[][] {stripped, null};
                acquire(fileName);
                try { // the slot is held while the pixels are in memory, not only while they are decoded
                    BufferedImage decoded = decode(reader, w, h, maxEdge); // also proves the pixels readable
                    BufferedImage photo = upright(decoded, orientation, png, maxEdge);
                    byte[] cleaned = encode(photo, png);
                    if (thumbnailEdge <= 0) return new byte[][] {cleaned, null};
                    // The thumbnail is drawn from the upright photo, already turned, so it keeps no orientation.
                    BufferedImage thumbnail = upright(photo, ExifOrientation.NORMAL, png, thumbnailEdge);
                    return new byte[][] {cleaned, encode(thumbnail, png)};
                } finally {
                    decoding.release();
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) throw refused;
            // A truncated or malformed file, or one the JDK cannot decode (e.g. CMYK JPEG).
            throw new Refused(Problem.TYPE, fileName);
        }
    }

    private static ImageReader readerFor(ImageInputStream in, String format, String fileName) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (reader.getFormatName().toLowerCase(Locale.ROOT).equals(format)) return reader;
            } catch (IOException e) {
                // not this one
            }
            reader.dispose();
        }
        throw new Refused(Problem.TYPE, fileName);
    }

    private void acquire(String fileName) {
        try {
            if (!decoding.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) throw new Refused(Problem.BUSY, fileName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(Problem.BUSY, fileName);
        }
    }

    private static BufferedImage decode(ImageReader reader, int w, int h, int maxEdge) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        // Keep every n-th pixel while decoding, still at least maxEdge on the long edge, so the scaling
        // below has real pixels to average and memory holds less than 4 × the stored image.
        int step = Math.max(1, Math.max(w, h) / maxEdge);
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
    }

    private static BufferedImage upright(BufferedImage image, ExifOrientation orientation, boolean keepAlpha, int maxEdge) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) maxEdge / Math.max(w, h));
        int nw = Math.max(1, (int) Math.round(w * factor));
        int nh = Math.max(1, (int) Math.round(h * factor));
        boolean swap = orientation.swapsEdges();
        // Always redraw: a fresh RGB image also drops colour profiles and odd sample layouts.
        BufferedImage out = new BufferedImage(swap ? nh : nw, swap ? nw : nh,
                keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        AffineTransform toOut = orientation.transform(nw, nh);
        toOut.concatenate(AffineTransform.getScaleInstance((double) nw / w, (double) nh / h));
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, toOut, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image, boolean png) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (png) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param); // no metadata: a bare JFIF header
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
