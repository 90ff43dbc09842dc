package org.tonkla.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tonkla.TestImages;
import org.tonkla.platform.FileStore.Problem;
import org.tonkla.platform.FileStore.Refused;

/** The file store's photo cleaning: limits read from the header, bounded decoding, EXIF orientation kept. */
class FileStoreTest {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    @TempDir
    Path dir;

    private FileStore store() {
        return new FileStore(dir, new PhotoCleaner());
    }

    @Test
    void aPngDeclaring20000By20000IsRefusedFromItsHeaderWithoutDecoding() throws Exception {
        byte[] bomb = TestImages.pngDeclaring(20_000, 20_000);
        assertTrue(bomb.length < 1024, "a few hundred bytes: " + bomb.length);
        // No decoding slot is free: a refusal that decoded anything would wait, then say BUSY.
        Semaphore none = new Semaphore(0, true);
        FileStore store = new FileStore(dir, new PhotoCleaner(PhotoCleaner.MAX_PIXELS, none, Duration.ofSeconds(5)));
        long start = System.nanoTime();
        Refused refused = assertThrows(Refused.class, () -> store.store("bomb.png", bomb, MAX_BYTES, false));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Problem.TOO_MANY_PIXELS, refused.problem());
        assertEquals("bomb.png", refused.fileName());
        assertTrue(millis < 1000, "refused in " + millis + " ms");
    }

    @Test
    void aJpegDeclaring30000By30000IsRefusedFromItsHeader() throws Exception {
        byte[] bomb = TestImages.jpegDeclaring(30_000, 30_000);
        FileStore store = new FileStore(dir, new PhotoCleaner(PhotoCleaner.MAX_PIXELS, new Semaphore(0), Duration.ofSeconds(5)));
        long start = System.nanoTime();
        Refused refused = assertThrows(Refused.class, () -> store.store("bomb.jpg", bomb, MAX_BYTES, false));
        assertEquals(Problem.TOO_MANY_PIXELS, refused.problem());
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }

    @Test
    void theLimitIsOnPixelsNotEdges() throws Exception {
        FileStore store = new FileStore(dir, new PhotoCleaner(1_000, new Semaphore(2, true), Duration.ofSeconds(5)));
        assertEquals(Problem.TOO_MANY_PIXELS, assertThrows(Refused.class,
                () -> store.store("a.png", TestImages.plain(40, 26, "png"), MAX_BYTES, false)).problem());
        assertEquals("image/png", store.store("b.png", TestImages.plain(40, 25, "png"), MAX_BYTES, false).contentType());
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aJpegOrientedSixComesBackUprightWithoutExifOrGps(boolean littleEndian) throws Exception {
        byte[] photo = TestImages.jpegWithOrientation(80, 60, 6, littleEndian);
        assertEquals(ExifOrientation.ROTATE_90_CW, ExifOrientation.ofJpeg(photo));
        FileStore store = store();
        FileStore.Stored stored = store.store("portrait.jpg", photo, MAX_BYTES, false);
        byte[] out = store.read(stored.sha256());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out));
        assertEquals(60, image.getWidth());
        assertEquals(80, image.getHeight());
        // Turned 90° clockwise, the stored top-left (red) is now the top-right.
        assertTrue(isRed(image.getRGB(50, 10)), "top right red");
        assertFalse(isRed(image.getRGB(10, 10)), "top left not red");
        assertFalse(isRed(image.getRGB(50, 70)), "bottom right not red");
        assertFalse(hasApp1(out), "no APP1 (EXIF/XMP) segment");
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Exif") || text.contains("GPS"));
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.ofJpeg(out));
    }

    @ParameterizedTest
    @CsvSource({"1, 80, 60, 10, 10", "3, 80, 60, 70, 50", "8, 60, 80, 10, 70", "2, 80, 60, 70, 10", "5, 60, 80, 10, 10"})
    void everyOrientationPutsTheRedCornerWhereTheCameraMeantIt(int orientation, int width, int height, int redX, int redY)
            throws Exception {
        FileStore store = store();
        FileStore.Stored stored = store.store("p.jpg", TestImages.jpegWithOrientation(80, 60, orientation, false), MAX_BYTES, false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(store.read(stored.sha256())));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        assertTrue(isRed(image.getRGB(redX, redY)), "red at " + redX + "," + redY);
        assertFalse(isRed(image.getRGB(width - 1 - redX, height - 1 - redY)), "opposite corner not red");
    }

    @Test
    void smallJpegAndPngAreStillAcceptedAndScaledDown() throws Exception {
        FileStore store = store();
        FileStore.Stored jpeg = store.store("a.jpg", TestImages.plain(320, 200, "jpg"), MAX_BYTES, false);
        assertEquals("image/jpeg", jpeg.contentType());
        FileStore.Stored png = store.store("a.png", TestImages.plain(200, 320, "png"), MAX_BYTES, false, 100);
        assertEquals("image/png", png.contentType());
        BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(store.read(png.sha256())));
        assertEquals(63, scaled.getWidth());
        assertEquals(100, scaled.getHeight());
        // A larger photo is subsampled while it is decoded and still lands on the requested edge.
        FileStore.Stored big = store.store("big.jpg", TestImages.plain(3000, 2000, "jpg"), MAX_BYTES, false, 600);
        BufferedImage bigOut = ImageIO.read(new ByteArrayInputStream(store.read(big.sha256())));
        assertEquals(600, bigOut.getWidth());
        assertEquals(400, bigOut.getHeight());
    }

    @Test
    void theExistingRefusalsStillHold() throws Exception {
        FileStore store = store();
        assertEquals(Problem.EMPTY, assertThrows(Refused.class, () -> store.store("e.jpg", new byte[0], MAX_BYTES, true)).problem());
        assertEquals(Problem.TOO_LARGE, assertThrows(Refused.class,
                () -> store.store("l.jpg", TestImages.plain(64, 64, "jpg"), 10, true)).problem());
        assertEquals(Problem.TYPE, assertThrows(Refused.class,
                () -> store.store("t.txt", "hello".getBytes(StandardCharsets.US_ASCII), MAX_BYTES, true)).problem());
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Problem.TYPE, assertThrows(Refused.class, () -> store.store("d.pdf", pdf, MAX_BYTES, false)).problem());
        assertArrayEquals(pdf, store.read(store.store("d.pdf", pdf, MAX_BYTES, true).sha256()));
        byte[] truncated = java.util.Arrays.copyOf(TestImages.plain(64, 64, "jpg"), 200);
        assertEquals(Problem.TYPE, assertThrows(Refused.class, () -> store.store("c.jpg", truncated, MAX_BYTES, false)).problem());
    }

    @Test
    void anUploadWaitsABoundedTimeForADecodingSlotThenIsRefusedAsBusy() throws Exception {
        Semaphore slots = new Semaphore(PhotoCleaner.DECODE_PERMITS, true);
        FileStore store = new FileStore(dir, new PhotoCleaner(PhotoCleaner.MAX_PIXELS, slots, Duration.ofMillis(200)));
        byte[] photo = TestImages.plain(64, 64, "png"); // a PNG is always decoded (an upright small JPEG is not)
        slots.acquire(PhotoCleaner.DECODE_PERMITS); // two photos are being decoded
        long start = System.nanoTime();
        assertEquals(Problem.BUSY, assertThrows(Refused.class, () -> store.store("w.jpg", photo, MAX_BYTES, false)).problem());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 150 && millis < 2000, "waited " + millis + " ms");
        slots.release(PhotoCleaner.DECODE_PERMITS);
        assertEquals("image/png", store.store("w.png", photo, MAX_BYTES, false).contentType());
        assertEquals(PhotoCleaner.DECODE_PERMITS, slots.availablePermits(), "every slot given back, refusals included");
    }

    @Test
    void fourConcurrentBombsDoNotHoldUpANormalUpload() throws Exception {
        FileStore store = store();
        byte[] bomb = TestImages.pngDeclaring(20_000, 20_000);
        byte[] photo = TestImages.plain(640, 480, "jpg");
        store.store("warm-up.jpg", photo, MAX_BYTES, false);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Problem>> bombs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bombs.add(pool.submit(() -> {
                    Problem last = null;
                    for (int k = 0; k < 25; k++) {
                        last = assertThrows(Refused.class, () -> store.store("bomb.png", bomb, MAX_BYTES, false)).problem();
                    }
                    return last;
                }));
            }
            long start = System.nanoTime();
            FileStore.Stored stored = store.store("child.jpg", photo, MAX_BYTES, false);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("image/jpeg", stored.contentType());
            assertTrue(millis < 2000, "normal upload took " + millis + " ms beside four bombs");
            for (Future<Problem> f : bombs) assertEquals(Problem.TOO_MANY_PIXELS, f.get());
        }
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aPhotoAndItsThumbnailFromOneUploadAreBothUprightScaledAndWithoutExif(boolean littleEndian) throws Exception {
        // What an OpenRosa home-visit photo gets (issue 11): the cleaned photo and its thumbnail, from one decode.
        FileStore store = store();
        FileStore.Pair pair = store.storePhoto("portrait.jpg", TestImages.jpegWithOrientation(80, 60, 6, littleEndian),
                MAX_BYTES, 1600, 40);
        assertEquals("image/jpeg", pair.photo().contentType());
        assertEquals("image/jpeg", pair.thumbnail().contentType());
        byte[] photo = store.read(pair.photo().sha256());
        byte[] thumbnail = store.read(pair.thumbnail().sha256());
        BufferedImage big = ImageIO.read(new ByteArrayInputStream(photo));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertEquals(60, big.getWidth());
        assertEquals(80, big.getHeight());
        assertEquals(30, small.getWidth());
        assertEquals(40, small.getHeight());
        // Both turned 90° clockwise: the camera's top-left (red) is top-right in each.
        assertTrue(isRed(big.getRGB(50, 10)), "photo top right red");
        assertTrue(isRed(small.getRGB(25, 5)), "thumbnail top right red");
        assertFalse(isRed(small.getRGB(5, 5)), "thumbnail top left not red");
        for (byte[] out : List.of(photo, thumbnail)) {
            assertFalse(hasApp1(out), "no APP1 (EXIF/XMP) segment");
            assertEquals(ExifOrientation.NORMAL, ExifOrientation.ofJpeg(out));
        }
        assertThrows(Refused.class, () -> store.storePhoto("doc.pdf", "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII),
                MAX_BYTES, 1600, 240));
    }

    @Test
    void anUprightSmallJpegKeepsItsPixelsButLosesExifGpsCommentsAndWhatFollowsTheImage() throws Exception {
        byte[] camera = TestImages.jpegWithOrientation(80, 60, 1, false);
        byte[] withTail = java.util.Arrays.copyOf(camera, camera.length + 12);
        System.arraycopy("GPS 16.44N..".getBytes(StandardCharsets.ISO_8859_1), 0, withTail, camera.length, 12);
        FileStore store = store();
        byte[] out = store.read(store.store("upright.jpg", withTail, MAX_BYTES, false).sha256());
        assertFalse(hasApp1(out), "no APP1 (EXIF/XMP) segment");
        assertFalse(new String(out, StandardCharsets.ISO_8859_1).contains("GPS"), "no GPS text, in EXIF or after the image");
        assertEquals(0xD9, out[out.length - 1] & 0xFF, "ends at the end-of-image marker");
        // The same pixels as the camera's file: not decoded and re-encoded, so no second generation of JPEG loss.
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(camera));
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(out));
        for (int[] xy : new int[][] {{0, 0}, {10, 10}, {39, 29}, {50, 40}, {79, 59}}) {
            assertEquals(original.getRGB(xy[0], xy[1]), stored.getRGB(xy[0], xy[1]), "pixel " + xy[0] + "," + xy[1]);
        }
        // Larger than the edge asked for: decoded, scaled and re-encoded as before.
        byte[] scaled = store.read(store.store("upright.jpg", camera, MAX_BYTES, false, 40).sha256());
        assertEquals(40, ImageIO.read(new ByteArrayInputStream(scaled)).getWidth());
        assertFalse(hasApp1(scaled));
    }

    @Test
    void anOdkSizedPhotoIsKeptUndecodedAndItsThumbnailIsMadeOnFirstRequestThenReused() throws Exception {
        // What ODK Collect sends at its smallest photo size: upright, 640 × 480, with EXIF and GPS.
        FileStore store = store();
        byte[] camera = TestImages.jpegWithOrientation(640, 480, 1, false);
        FileStore.Pair pair = store.storePhoto("house.jpg", camera, MAX_BYTES, 1600, 240);
        assertNull(pair.thumbnail(), "no decode when received, so no thumbnail yet");
        byte[] photo = store.read(pair.photo().sha256());
        assertFalse(hasApp1(photo), "no APP1 (EXIF/GPS) segment");
        byte[] thumbnail = store.thumbnail(pair.photo().sha256(), 240);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertEquals(240, small.getWidth());
        assertEquals(180, small.getHeight());
        assertFalse(hasApp1(thumbnail));
        assertTrue(Files.exists(dir.resolve("thumbnails").resolve(pair.photo().sha256() + "-240")), "kept for the next view");
        assertArrayEquals(thumbnail, store.thumbnail(pair.photo().sha256(), 240));
        // Segments that are not whole are not kept as is; decoded instead, a file cut off in its header and one with
        // no picture in it are refused.
        byte[] truncated = java.util.Arrays.copyOf(camera, 300);
        assertEquals(Problem.TYPE, assertThrows(Refused.class,
                () -> store.storePhoto("cut.jpg", truncated, MAX_BYTES, 1600, 240)).problem());
        byte[] noScan = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        assertEquals(Problem.TYPE, assertThrows(Refused.class,
                () -> store.storePhoto("empty.jpg", noScan, MAX_BYTES, 1600, 240)).problem());
        assertThrows(IllegalArgumentException.class, () -> store.thumbnail("../../etc/passwd", 240));
    }

    @Test
    void segmentsThatCouldHideDataAreNeverKeptAsTheyAre() throws Exception {
        byte[] plain = TestImages.plain(64, 48, "jpg");
        // After the JFIF header, as a hostile or careless client could add them: a second APP0 with text, a JFXX
        // thumbnail APP0, an oversized Adobe APP14, and a reserved marker's segment, each carrying a secret.
        java.io.ByteArrayOutputStream hostile = new java.io.ByteArrayOutputStream();
        int jfifEnd = 2 + 2 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        hostile.write(plain, 0, jfifEnd);
        for (int[] marker : new int[][] {{0xE0}, {0xE0}, {0xEE}, {0xF0}}) {
            String text = switch (marker[0]) {
                case 0xE0 -> hostile.size() == jfifEnd ? "SECRET-APP0<script>" : "JFXX\0\u0013SECRET-THUMB";
                case 0xEE -> "Adobe\0d\0\0\0\0\1SECRET-ADOBE";
                default -> "SECRET-RESERVED";
            };
            byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
            hostile.write(0xFF);
            hostile.write(marker[0]);
            hostile.write((payload.length + 2) >> 8);
            hostile.write((payload.length + 2) & 0xFF);
            hostile.write(payload);
        }
        hostile.write(plain, jfifEnd, plain.length - jfifEnd);
        FileStore store = store();
        byte[] out = store.read(store.storePhoto("h.jpg", hostile.toByteArray(), MAX_BYTES, 1600, 240).photo().sha256());
        assertFalse(new String(out, StandardCharsets.ISO_8859_1).contains("SECRET"), "no hidden payload kept");
        assertEquals(64, ImageIO.read(new ByteArrayInputStream(out)).getWidth());
    }

    private static boolean isRed(int rgb) {
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        return r > 200 && g < 60 && b < 60;
    }

    private static boolean hasApp1(byte[] jpeg) {
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xDA) return false;
            if (marker == 0xE1) return true;
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF));
        }
        return false;
    }
}
