package org.tonkla.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One file of a 43-file zip: pipe-delimited, the first line the upper-case field names. The encoding
 * is found per file: UTF-8 when the bytes are valid UTF-8, else TIS-620 (older exports).
 *
 * @param kind the file's name without folder and extension, upper case (PERSON, EPI …)
 * @param charset the encoding detected
 * @param columns column positions by name (made once: every row's checks look fields up by name)
 */
public record F43File(String kind, Charset charset, List<String> header, List<Row> rows, Map<String, Integer> columns) {

    static final Charset TIS_620 = Charset.forName("TIS-620");

    /** A data line: its 1-based line number in the file (the header is line 1) and its fields. */
    public record Row(int line, String[] fields) {}

    public static F43File read(String kind, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            charset = TIS_620;
            text = new String(bytes, TIS_620);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        List<String> header = new ArrayList<>();
        for (String h : lines[0].split("\\|", -1)) header.add(h.strip().toUpperCase(Locale.ROOT));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            rows.add(new Row(i + 1, lines[i].split("\\|", -1)));
        }
        return new F43File(kind, charset, List.copyOf(header), rows, columnsOf(header));
    }

    private static Map<String, Integer> columnsOf(List<String> header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) at.putIfAbsent(header.get(i), i);
        return Map.copyOf(at);
    }
}
