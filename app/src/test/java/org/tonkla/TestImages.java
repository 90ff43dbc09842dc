package org.tonkla;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images for upload tests. */
public final class TestImages {

    private TestImages() {}

    /** A JPEG with an APP1 Exif segment holding a GPS IFD pointer, as phones write them. */
    public static byte[] jpegWithGps() throws Exception {
        BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        // Big-endian TIFF header, one IFD entry: tag 0x8825 (GPS IFD pointer); then a marker text.
        exif.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, (byte) 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0});
        exif.writeBytes("GPS 16.4419N 102.8360E".getBytes(StandardCharsets.ISO_8859_1));
        byte[] payload = exif.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A {@code width}×{@code height} JPEG whose top-left quadrant is red (the rest white), with an APP1 Exif
     * segment in the given byte order holding IFD0 with the Orientation tag (0x0112) and a GPS IFD pointer.
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation, boolean littleEndian) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        writeShort(tiff, 42, littleEndian);
        writeInt(tiff, 8, littleEndian); // IFD0 right after the header
        writeShort(tiff, 2, littleEndian); // two entries
        writeShort(tiff, 0x0112, littleEndian); // Orientation, SHORT, 1, value
        writeShort(tiff, 3, littleEndian);
        writeInt(tiff, 1, littleEndian);
        writeShort(tiff, orientation, littleEndian);
        writeShort(tiff, 0, littleEndian);
        writeShort(tiff, 0x8825, littleEndian); // GPS IFD pointer, LONG, 1, offset of the text below
        writeShort(tiff, 4, littleEndian);
        writeInt(tiff, 1, littleEndian);
        writeInt(tiff, 38, littleEndian);
        writeInt(tiff, 0, littleEndian); // no IFD1
        tiff.writeBytes("GPS 16.4419N 102.8360E".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        payload.writeBytes(tiff.toByteArray());
        return withApp1(plain.toByteArray(), payload.toByteArray());
    }

    /**
     * A PNG that declares {@code width}×{@code height} RGB pixels but holds (correctly checksummed) the
     * compressed data of one row only: what a decompression bomb looks like to a header check.
     */
    public static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(width);
        d.writeInt(height);
        d.writeByte(8); // bit depth
        d.writeByte(2); // RGB
        d.writeByte(0); // deflate
        d.writeByte(0); // adaptive filtering
        d.writeByte(0); // not interlaced
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 + 3 * Math.min(width, 100_000)]);
        deflater.finish();
        byte[] idat = new byte[65536];
        int n = deflater.deflate(idat);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A small valid JPEG whose frame header (SOF0) is patched to declare {@code width}×{@code height}. */
    public static byte[] jpegDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                // FF C0, length (2), precision (1), height (2), width (2)
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 in the JDK's JPEG");
    }

    /** A {@code width}×{@code height} image in {@code format} ("jpg", "png"), without metadata. */
    public static byte[] plain(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] withApp1(byte[] jpeg, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    private static void writeShort(ByteArrayOutputStream out, int v, boolean littleEndian) {
        if (littleEndian) {
            out.write(v & 0xFF);
            out.write(v >> 8 & 0xFF);
        } else {
            out.write(v >> 8 & 0xFF);
            out.write(v & 0xFF);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v, boolean littleEndian) {
        if (littleEndian) {
            writeShort(out, v & 0xFFFF, true);
            writeShort(out, v >>> 16, true);
        } else {
            writeShort(out, v >>> 16, false);
            writeShort(out, v & 0xFFFF, false);
        }
    }
}
