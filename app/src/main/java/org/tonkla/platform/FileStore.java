package org.tonkla.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Files people upload (evidence, center and child photos) in a content-addressed store under the data directory
 * ({@code files/ab/abcdef…}, named by SHA-256 of the stored bytes), so a file uploaded twice is kept
 * once and any node sharing the directory finds it.
 *
 * <p>Photos (JPEG, PNG) are decoded and re-encoded with the JDK's ImageIO: the new file holds pixels
 * only, so EXIF, XMP and GPS location cannot survive in any format, and no extra library is needed.
 * Photos are turned upright as their EXIF orientation says and scaled down to {@value #MAX_EDGE} px on
 * the long edge (an upright JPEG already within it keeps its compressed pixels, its metadata segments cut out,
 * which drops the same EXIF, XMP and GPS without a second generation of JPEG loss); one declaring more than {@value PhotoCleaner#MAX_PIXELS} pixels is refused from its
 * header, and at most {@value PhotoCleaner#DECODE_PERMITS} are decoded at once ({@link PhotoCleaner}).
 * PDFs are kept as they are. Anything else, and anything over the configured size, is refused.
 */
@Component
public class FileStore {

    /** The longest edge a stored photo keeps; enough to read a document photographed on a phone. */
    static final int MAX_EDGE = 2560;

    /** A stored file. */
    public record Stored(String sha256, String contentType, long size) {}

    /** Why a file was not stored. */
    public enum Problem {
        /** No bytes. */
        EMPTY,
        /** More bytes than the caller allows. */
        TOO_LARGE,
        /** Not a JPEG or PNG (or PDF where allowed), or not readable as one. */
        TYPE,
        /** A photo whose header declares more pixels than {@value PhotoCleaner#MAX_PIXELS}. */
        TOO_MANY_PIXELS,
        /** Photos were being decoded for too long; the upload may be tried again in a moment. */
        BUSY
    }

    /** The file was not stored; {@code problem} says why, for a message naming the file. */
    public static final class Refused extends RuntimeException {
        private final Problem problem;
        private final String fileName;

        Refused(Problem problem, String fileName) {
            super(problem + ": " + fileName);
            this.problem = problem;
            this.fileName = fileName;
        }

        public Problem problem() {
            return problem;
        }

        public String fileName() {
            return fileName;
        }
    }

    private final Path root;
    private final PhotoCleaner photos;

    @Autowired
    FileStore(TonklaProperties tonkla) {
        this(tonkla.dataDir().resolve("files"), new PhotoCleaner());
    }

    FileStore(Path root, PhotoCleaner photos) {
        this.root = root;
        this.photos = photos;
    }

    /**
     * Checks, cleans and stores {@code bytes}: photos re-encoded without metadata, PDFs as they are
     * when {@code pdfAllowed}.
     *
     * @throws Refused when the file is empty, larger than {@code maxBytes} or of another type, when a photo
     *     has too many pixels, or when the server is busy decoding other photos (see {@link Problem})
     */
    public Stored store(String fileName, byte[] bytes, long maxBytes, boolean pdfAllowed) {
        return store(fileName, bytes, maxBytes, pdfAllowed, MAX_EDGE);
    }

    /**
     * Like {@link #store(String, byte[], long, boolean)}, with photos scaled down to {@code maxEdge}
     * pixels on their long edge (a child's portrait needs far fewer than a photographed document).
     */
    public Stored store(String fileName, byte[] bytes, long maxBytes, boolean pdfAllowed, int maxEdge) {
        String type = check(fileName, bytes, maxBytes, pdfAllowed);
        return put(type.equals("application/pdf") ? bytes : photos.clean(bytes, type, fileName, maxEdge), type);
    }

    /** A photo as stored and its thumbnail, both from one upload; no thumbnail when the photo was not decoded. */
    public record Pair(Stored photo, Stored thumbnail) {}

    /**
     * Like {@link #store(String, byte[], long, boolean, int)} for a photo (no PDF), storing also a thumbnail at most
     * {@code thumbnailEdge} pixels on its long edge when the photo had to be decoded (from the same decode); a JPEG
     * kept as it was sent gets its thumbnail when first shown ({@link #thumbnail}), so receiving it decodes nothing.
     */
    public Pair storePhoto(String fileName, byte[] bytes, long maxBytes, int maxEdge, int thumbnailEdge) {
        String type = check(fileName, bytes, maxBytes, false);
        byte[][] clean = photos.clean(bytes, type, fileName, maxEdge, thumbnailEdge);
        return new Pair(put(clean[0], type), clean[1] == null ? null : put(clean[1], type));
    }

    /**
     * The thumbnail of the stored photo {@code sha256}, at most {@code edge} pixels on its long edge: made on first
     * request and kept beside the photos (as {@code thumbnails/<sha256>-<edge>}), so a photo nobody looks at never
     * costs a decode.
     *
     * @throws Refused when the stored file is not a photo the cleaner can read, or the decoders are busy
     */
    public byte[] thumbnail(String sha256, int edge) {
        byte[] photo = read(sha256); // also checks sha256 is a hash, so the path below is safe
        Path cached = root.resolve("thumbnails").resolve(sha256 + "-" + edge);
        Path failed = root.resolve("thumbnails").resolve(sha256 + "-" + edge + ".unreadable");
        try {
            if (Files.exists(cached)) return Files.readAllBytes(cached);
            // A photo kept undecoded may turn out unreadable here: remembered, so it is not decoded again each view.
            if (Files.exists(failed)) throw new Refused(Problem.TYPE, sha256);
            String type = sniff(photo).filter(t -> t.startsWith("image/")).orElseThrow(() -> new Refused(Problem.TYPE, sha256));
            byte[] small;
            try {
                small = photos.clean(photo, type, sha256, edge); // a photo within the edge is its own thumbnail
            } catch (Refused e) {
                if (e.problem() == Problem.TYPE) {
                    Files.createDirectories(failed.getParent());
                    Files.write(failed, new byte[0]);
                }
                throw e;
            }
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), sha256, ".part");
            Files.write(tmp, small);
            Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return small;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String check(String fileName, byte[] bytes, long maxBytes, boolean pdfAllowed) {
        if (bytes.length == 0) throw new Refused(Problem.EMPTY, fileName);
        if (bytes.length > maxBytes) throw new Refused(Problem.TOO_LARGE, fileName);
        return sniff(bytes).filter(t -> pdfAllowed || !t.equals("application/pdf"))
                .orElseThrow(() -> new Refused(Problem.TYPE, fileName));
    }

    private Stored put(byte[] clean, String type) {
        String sha = sha256(clean);
        Path target = path(sha);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), sha, ".part");
                Files.write(tmp, clean);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(sha, type, clean.length);
    }

    /**
     * The longest edge in pixels of the stored photo {@code sha256}, read from its header (no pixel is decoded), so a
     * photo already cleaned when it was stored can be reused where a smaller one is wanted without re-encoding it.
     *
     * @throws Refused {@link Problem#TYPE} when the stored file is not a JPEG or PNG photo
     */
    public int longEdge(String sha256) {
        byte[] bytes = read(sha256);
        try (var in = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (sniff(bytes).filter(t -> t.startsWith("image/")).isEmpty() || !readers.hasNext()) {
                throw new Refused(Problem.TYPE, sha256);
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Math.max(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Refused(Problem.TYPE, sha256);
        }
    }

    /** The stored bytes of {@code sha256}. */
    public byte[] read(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("sha256");
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }

    // Trust the bytes, not the name or the browser's content type.
    private static Optional<String> sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return Optional.of("image/jpeg");
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return Optional.of("image/png");
        if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return Optional.of("application/pdf");
        return Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
