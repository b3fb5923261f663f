package vn.giaoban.submission.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.giaoban.benchmark.LargeListGenerator;
import vn.giaoban.submission.InboxProperties;

/**
 * A workbook's shared strings past the configured size are kept in a memory-mapped file, not on
 * the heap, and read back exactly as they were written.
 */
class SharedStringsTest {

    private static final List<String> TEXTS = List.of("", "Đã giải quyết", "Nhà số 12, tổ 3, thôn Nà Pàn",
            "ascii only", "Lê Đình Phước 😀", " ", "khối Trần Hưng Đạo\r\ndòng hai");

    @Test
    void stringsBeyondTheThresholdGoToAFileAndComeBackUnchanged() throws IOException {
        // given a threshold a few strings exceed
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            written.add(TEXTS.get(i % TEXTS.size()) + (i % 3 == 0 ? "" : " #" + i));
        }
        long tempFilesBefore = tempFiles();

        // when
        SharedStrings strings;
        try (SharedStrings.Builder builder = new SharedStrings.Builder(Long.MAX_VALUE, 1_024, 48)) {
            for (String text : written) {
                assertThat(builder.add(text)).isTrue();
            }
            strings = builder.build();
        }

        // then
        assertThat(strings).isInstanceOf(SharedStrings.FileBacked.class);
        assertThat(strings.size()).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(strings.get(i)).isEqualTo(written.get(i));
        }
        // mapped, then deleted at once: nothing is left in the temporary folder
        assertThat(tempFiles()).isEqualTo(tempFilesBefore);
    }

    @Test
    void belowTheThresholdOrWithoutOneTheStringsStayOnTheHeapWithinTheirBudget() throws IOException {
        try (SharedStrings.Builder builder = new SharedStrings.Builder(Long.MAX_VALUE, Long.MAX_VALUE, 48)) {
            TEXTS.forEach(text -> add(builder, text));
            assertThat(builder.build()).isNotInstanceOf(SharedStrings.FileBacked.class);
        }
        try (SharedStrings.Builder builder = new SharedStrings.Builder(200, Long.MAX_VALUE, 48)) {
            assertThat(builder.add("a")).isTrue();
            assertThat(builder.add("b")).isTrue();
            assertThat(builder.add("c".repeat(100))).as("past the heap budget, no file allowed").isFalse();
        }
        try (SharedStrings.Builder builder = new SharedStrings.Builder(200, 100, 48)) {
            assertThat(builder.add("c".repeat(100))).as("past the threshold a file takes it").isTrue();
            assertThat(builder.build().get(0)).isEqualTo("c".repeat(100));
        }
    }

    @Test
    void aListsSheetReadsTheSameWithItsStringsOffTheHeap() throws IOException {
        Path dir = Files.createTempDirectory("shared-strings");
        try {
            Path file = LargeListGenerator.inboxFile(dir, "xlsx");
            LargeListGenerator.writeXlsx(file, 3_000, 5);

            List<String> onHeap = texts(file, ReadLimits.DEFAULTS);
            List<String> offHeap = texts(file, ReadLimits.DEFAULTS.withSharedStringsOffHeapAbove(64 * 1024));

            assertThat(offHeap).hasSizeGreaterThan(3_000 * 6).isEqualTo(onHeap);
            assertThat(offHeap).contains("Họ tên người gửi", "Tổng cộng: 3000 đơn");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theThresholdIsASettingOfTheInbox() {
        Map<String, String> settings = Map.of("giaoban.inbox.fallback-charset", "windows-1258",
                "giaoban.inbox.limits.max-file-size", "512MB",
                "giaoban.inbox.limits.shared-strings-off-heap-above", "16MB");

        InboxProperties inbox = new Binder(new MapConfigurationPropertySource(settings))
                .bind("giaoban.inbox", InboxProperties.class).get();
        InboxProperties defaults = new Binder(new MapConfigurationPropertySource(
                Map.of("giaoban.inbox.fallback-charset", "windows-1258"))).bind("giaoban.inbox", InboxProperties.class)
                .get();

        assertThat(inbox.limits().readLimits()).isEqualTo(new ReadLimits(512L << 20, ReadLimits.DEFAULTS.maxPartBytes(),
                ReadLimits.DEFAULTS.maxPackageBytes(), 16L << 20));
        assertThat(defaults.limits().readLimits()).isEqualTo(ReadLimits.DEFAULTS);
    }

    @Test
    void theSharedStringsPartIsReadIntoTheFileWhenLarge() throws Exception {
        StringBuilder xml = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (int i = 0; i < 2_000; i++) {
            xml.append("<si><r><t>Thôn ").append(i).append("</t></r><r><t>_x000D_ xã Na Sầm</t></r>"
                    + "<rPh><t>phonetic</t></rPh></si>");
        }
        xml.append("</sst>");

        try (SharedStrings strings = XlsxWorkbook.sharedStrings(
                new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), 4_096)) {
            assertThat(strings).isInstanceOf(SharedStrings.FileBacked.class);
            assertThat(strings.size()).isEqualTo(2_000);
            assertThat(strings.get(1_999)).isEqualTo("Thôn 1999\r xã Na Sầm");
        }
    }

    private static List<String> texts(Path file, ReadLimits limits) throws IOException {
        List<String> texts = new ArrayList<>();
        try (TableSource source = TableSources.open(file, StandardCharsets.UTF_8, limits)) {
            source.rows().forEachRemaining(row -> row.cells().forEach(cell -> texts.add(cell.text())));
        } catch (UnreadableFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return texts;
    }

    private static void add(SharedStrings.Builder builder, String text) {
        try {
            assertThat(builder.add(text)).isTrue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("giaoban-strings-")).count();
        }
    }
}
