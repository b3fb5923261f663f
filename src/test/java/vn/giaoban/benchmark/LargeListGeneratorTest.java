package vn.giaoban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.SubmissionReader;

/** The generated list is a valid BM03-DS submission of its commune for October 2022, in both formats. */
class LargeListGeneratorTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final int ROWS = 2_000;

    @TempDir
    Path inbox;

    @Test
    void theXlsxIsReadAsTheCommunesListWithEveryRowCounted() throws IOException {
        // given
        Path file = LargeListGenerator.inboxFile(inbox, "xlsx");
        LargeListGenerator.Expected expected = LargeListGenerator.writeXlsx(file, ROWS, 7);

        // when
        IngestResult result = read(file);

        // then
        assertCounted(result, expected);
    }

    @Test
    void theCsvIsReadAsTheCommunesListWithEveryRowCounted() throws IOException {
        Path file = LargeListGenerator.inboxFile(inbox, "csv");
        LargeListGenerator.Expected expected = LargeListGenerator.writeCsv(file, ROWS, 7);

        IngestResult result = read(file);

        assertCounted(result, expected);
    }

    @Test
    void bothFormatsHoldTheSameRowsAndTheSameSeedGivesTheSameBytes() throws IOException {
        Path xlsx = LargeListGenerator.inboxFile(inbox.resolve("a"), "xlsx");
        Path again = LargeListGenerator.inboxFile(inbox.resolve("b"), "xlsx");
        Path otherSeed = LargeListGenerator.inboxFile(inbox.resolve("c"), "xlsx");
        Path csv = LargeListGenerator.inboxFile(inbox.resolve("a"), "csv");
        Path csvAgain = LargeListGenerator.inboxFile(inbox.resolve("b"), "csv");

        LargeListGenerator.Expected fromXlsx = LargeListGenerator.writeXlsx(xlsx, ROWS, 11);
        LargeListGenerator.writeXlsx(again, ROWS, 11);
        LargeListGenerator.writeXlsx(otherSeed, ROWS, 12);
        LargeListGenerator.Expected fromCsv = LargeListGenerator.writeCsv(csv, ROWS, 11);
        LargeListGenerator.writeCsv(csvAgain, ROWS, 11);

        assertThat(fromCsv).isEqualTo(fromXlsx);
        assertThat(Files.mismatch(xlsx, again)).isEqualTo(-1);
        assertThat(Files.mismatch(csv, csvAgain)).isEqualTo(-1);
        assertThat(Files.mismatch(xlsx, otherSeed)).isNotEqualTo(-1);
        assertThat(read(xlsx).values()).extracting(StagedValue::indicatorCode, StagedValue::measure, StagedValue::number)
                .containsExactlyElementsOf(read(csv).values().stream()
                        .map(v -> tuple(v.indicatorCode(), v.measure(), v.number())).toList());
    }

    @Test
    void theReceiptDateIsARealExcelDateAndTheAddressesAreMostlyUnique() throws IOException {
        Path file = LargeListGenerator.inboxFile(inbox, "xlsx");
        LargeListGenerator.writeXlsx(file, ROWS, 3);

        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            int first = LargeListGenerator.FIRST_RECORD_ROW - 1;
            assertThat(sheet.getRow(first - 1).getCell(1).getStringCellValue()).isEqualTo("Ngày tiếp nhận");
            Cell received = sheet.getRow(first).getCell(1);
            assertThat(received.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
            assertThat(received.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 1, 1));
            long distinct = java.util.stream.IntStream.range(first, first + ROWS)
                    .mapToObj(r -> sheet.getRow(r).getCell(3).getStringCellValue()).distinct().count();
            assertThat(distinct).isGreaterThan(ROWS * 9L / 10);
        }
    }

    private IngestResult read(Path file) {
        SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));
        return reader.read(new ReceivedFile(1, LargeListGenerator.UNIT_CODE, file,
                inbox.relativize(file).toString()));
    }

    private static void assertCounted(IngestResult result, LargeListGenerator.Expected expected) {
        assertThat(result.rejection()).isNull();
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo("BM03-DS");
        assertThat(result.unitKey()).contains(LargeListGenerator.UNIT_CODE);
        assertThat(result.period()).isEqualTo(YearMonth.of(2022, 10));
        assertThat(expected.rows()).isEqualTo(ROWS);
        assertThat(expected.receivedThisMonth()).isPositive().isLessThan(ROWS);
        assertThat(expected.resolvedThisMonth()).isPositive().isLessThan(expected.resolvedThisYear());
        assertThat(result.values()).extracting(StagedValue::indicatorCode, StagedValue::measure, StagedValue::number)
                .containsExactlyInAnyOrder(
                        tuple("DT_TIEP_NHAN", Measure.CUMULATIVE, BigDecimal.valueOf(expected.receivedThisYear())),
                        tuple("DT_TIEP_NHAN", Measure.MONTH, BigDecimal.valueOf(expected.receivedThisMonth())),
                        tuple("DT_DA_GIAI_QUYET", Measure.CUMULATIVE, BigDecimal.valueOf(expected.resolvedThisYear())),
                        tuple("DT_DA_GIAI_QUYET", Measure.MONTH, BigDecimal.valueOf(expected.resolvedThisMonth())));
        assertThat(result.findings()).anySatisfy(finding -> assertThat(finding.message())
                .startsWith("Danh sách có " + ROWS + " dòng được tính"));
    }
}
