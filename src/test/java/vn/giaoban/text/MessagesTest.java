package vn.giaoban.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.NoSuchMessageException;

class MessagesTest {

    @Test
    void theShippedSentenceWithItsArgumentsWrittenIn() {
        assertThat(Messages.defaults().get("cli.invalid-period", "2022-13"))
                .isEqualTo("Kỳ báo cáo không hợp lệ: 2022-13 (cần dạng yyyy-MM, ví dụ 2022-10).");
    }

    @Test
    void anOfficeRewordsOneSentenceAndKeepsTheOthers(@TempDir Path folder) throws IOException {
        // given a messages folder with one key reworded, an apostrophe and a diacritic in it
        Files.writeString(folder.resolve("cli.properties"),
                "cli.invalid-period=Kỳ '{0}' sai: viết năm-tháng, ví dụ 2022-10.\n", StandardCharsets.UTF_8);

        // when the sentences are read with the office's folder
        Messages messages = Messages.withOverrides(folder);

        // then the reworded one is the office's, quotes and all, and every other key is the shipped one
        assertThat(messages.get("cli.invalid-period", "2022-13")).isEqualTo("Kỳ '2022-13' sai: viết năm-tháng, ví dụ 2022-10.");
        assertThat(messages.get("cli.missing-command")).isEqualTo("Thiếu lệnh.");
    }

    @Test
    void aFolderThatDoesNotExistIsTheShippedWording(@TempDir Path folder) {
        assertThat(Messages.withOverrides(folder.resolve("none"))).isSameAs(Messages.defaults());
    }

    @Test
    void anUnknownKeyIsAProgrammingError() {
        assertThatThrownBy(() -> Messages.defaults().get("cli.no-such-key")).isInstanceOf(NoSuchMessageException.class);
    }

    /**
     * Every key the code asks for ({@code get("feedback.…")}) is in a shipped bundle, so no sentence a
     * user would read fails at run time; and every shipped key is asked for somewhere (or is picocli's).
     */
    @Test
    void everyKeyTheCodeNamesIsShippedAndEveryShippedKeyIsUsed() throws IOException {
        String bundles = String.join("|", Messages.BUNDLES);
        Pattern named = Pattern.compile("\"((?:" + bundles + ")\\.[A-Za-z0-9._-]*[A-Za-z0-9_-])\"");
        Set<String> used = new TreeSet<>();
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                code.append(text);
                Matcher matcher = named.matcher(text);
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Set<String> shipped = new TreeSet<>();
        for (String bundle : Messages.BUNDLES) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages", bundle + ".properties"))) {
                properties.load(in);
            }
            shipped.addAll(properties.stringPropertyNames());
        }
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(shipped);
        assertThat(missing).as("keys the code names that no bundle has").isEmpty();
        List<String> unused = shipped.stream()
                .filter(key -> Messages.BUNDLES.stream().anyMatch(bundle -> key.startsWith(bundle + ".")))
                .filter(key -> !used.contains(key))
                // keys built from a prefix in code: cli.missing-option.<option>, feedback.<...>.<kind>
                .filter(key -> !code.toString().contains("\"" + key.substring(0, key.lastIndexOf('.') + 1) + "\""))
                .toList();
        assertThat(unused).as("shipped keys nothing asks for").isEmpty();
    }
}
