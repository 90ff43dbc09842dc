package org.tonkla.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tonkla.platform.InvalidInput;

/** The files of one 43-file zip that Tonkla imports, and the names of those it leaves aside. */
public record F43Zip(Map<String, F43File> files, List<String> ignored) {

    /** The files Tonkla reads, in the order they are loaded: persons before what refers to them. */
    public static final List<String> KINDS = List.of("PERSON", "ADDRESS", "HOME", "NUTRITION", "EPI", "SPECIALPP");

    /**
     * How much a zip may unpack to: a small zip can hold gigabytes of repeated text (a zip bomb), so every entry is
     * read through a bounded stream whatever size its header claims.
     */
    public record Limits(long maxEntryBytes, long maxTotalBytes, int maxRatio) {
        public static final Limits DEFAULT = new Limits(200L << 20, 1L << 30, 200);
    }

    /** @throws InvalidInput when the bytes are not a zip or hold no PERSON file */
    public static F43Zip read(byte[] zip) {
        return read(zip, Limits.DEFAULT);
    }

    /** @throws InvalidInput when the bytes are not a zip, hold no PERSON file or unpack past {@code limits} */
    public static F43Zip read(byte[] zip, Limits limits) {
        Map<String, F43File> files = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        long total = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) continue;
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                int dot = name.lastIndexOf('.');
                String kind = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
                byte[] bytes = bounded(in, name, limits, limits.maxTotalBytes() - total);
                total += bytes.length;
                if ((double) total / Math.max(1, zip.length) > limits.maxRatio() && total > (1L << 20)) {
                    throw new InvalidInput("file", name + " unpacks more than " + limits.maxRatio()
                            + " times the zip's size; refused as a possible zip bomb");
                }
                if (KINDS.contains(kind) && !files.containsKey(kind)) files.put(kind, F43File.read(kind, bytes));
                else ignored.add(name);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInput("file", "a zip of 43-file text files");
        }
        if (!files.containsKey("PERSON")) throw new InvalidInput("file", "a zip of 43-file text files with PERSON");
        Map<String, F43File> ordered = new LinkedHashMap<>();
        for (String kind : KINDS) if (files.containsKey(kind)) ordered.put(kind, files.get(kind));
        return new F43Zip(ordered, List.copyOf(ignored));
    }

    /** The entry's bytes, read at most one past the limit: the header's size is the sender's word, not a fact. */
    private static byte[] bounded(ZipInputStream in, String name, Limits limits, long totalLeft) throws IOException {
        long cap = Math.min(limits.maxEntryBytes(), totalLeft);
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            read += n;
            if (read > cap) {
                throw new InvalidInput("file", read > limits.maxEntryBytes()
                        ? name + " unpacks to more than " + limits.maxEntryBytes() + " bytes (the limit per file)"
                        : "the zip unpacks to more than " + limits.maxTotalBytes() + " bytes in all (at " + name + ")");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
