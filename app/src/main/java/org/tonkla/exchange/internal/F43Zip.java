package org.tonkla.exchange.internal;

import java.io.ByteArrayInputStream;
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

    /** @throws InvalidInput when the bytes are not a zip or hold no PERSON file */
    public static F43Zip read(byte[] zip) {
        Map<String, F43File> files = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) continue;
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                int dot = name.lastIndexOf('.');
                String kind = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
                if (KINDS.contains(kind) && !files.containsKey(kind)) files.put(kind, F43File.read(kind, in.readAllBytes()));
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
}
