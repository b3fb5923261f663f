package vn.giaoban.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The independent table of the 134 letters in TCVN3 and VNI (test resource
 * {@code vietnamese-legacy-letters.tsv}, its provenance written at its top), and an encoder built
 * from it alone, so that the tests write legacy text without the converter's own tables.
 */
public final class LegacyLetters {

    /** One letter: its TCVN3 byte, whether only a capitals font draws it there, its VNI bytes. */
    record Row(char letter, char tcvn3, boolean capitalsFontOnly, String vni) {
    }

    static final List<Row> ROWS = load();

    private static final Map<Character, Row> BY_LETTER = new LinkedHashMap<>();

    static {
        for (Row row : ROWS) {
            BY_LETTER.put(row.letter(), row);
        }
    }

    private LegacyLetters() {
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = LegacyLetters.class.getResourceAsStream("vietnamese-legacy-letters.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                char letter = (char) Integer.parseInt(columns[0].substring(2), 16);
                if (columns[1].charAt(0) != letter) {
                    throw new IllegalStateException("code point and letter disagree: " + line);
                }
                String[] tcvn3 = columns[2].split(" ");
                StringBuilder vni = new StringBuilder();
                for (String hex : columns[3].split(" ")) {
                    vni.append((char) HexFormat.fromHexDigits(hex));
                }
                rows.add(new Row(letter, (char) HexFormat.fromHexDigits(tcvn3[1]), tcvn3[0].equals("H"),
                        vni.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }

    /**
     * The text as typed with a {@code .VnTime} font and read back as Windows-1252. Throws for a
     * capital with a tone, which only a capitals font can show.
     */
    public static String tcvn3(String unicode) {
        StringBuilder out = new StringBuilder();
        for (char c : unicode.toCharArray()) {
            Row row = BY_LETTER.get(c);
            if (row == null) {
                out.append(ascii(c));
            } else if (row.capitalsFontOnly()) {
                throw new IllegalArgumentException(c + " needs a capitals font");
            } else {
                out.append(row.tcvn3());
            }
        }
        return out.toString();
    }

    /** The text (in capitals) as typed with a {@code .VnTimeH} font: every letter at its lower case's byte. */
    public static String tcvn3Capitals(String unicode) {
        StringBuilder out = new StringBuilder();
        for (char c : unicode.toCharArray()) {
            Row row = BY_LETTER.get(c);
            out.append(row == null ? ascii(c) : row.tcvn3());
        }
        return out.toString();
    }

    /** The text as typed with a {@code VNI-Times} font and read back as Windows-1252. */
    public static String vni(String unicode) {
        StringBuilder out = new StringBuilder();
        for (char c : unicode.toCharArray()) {
            Row row = BY_LETTER.get(c);
            out.append(row == null ? String.valueOf(ascii(c)) : row.vni());
        }
        return out.toString();
    }

    private static char ascii(char c) {
        if (c >= 0x80) {
            throw new IllegalArgumentException("not in the table: " + c);
        }
        return c;
    }
}
