package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.giaoban.submission.internal.table.OdsFiles.content;
import static vn.giaoban.submission.internal.table.OdsFiles.row;
import static vn.giaoban.submission.internal.table.OdsFiles.table;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.Measure;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.table.OdsFiles;

/** A report saved by LibreOffice Calc as .ods is identified and read as the same report in .xlsx. */
class OdsSubmissionTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private final SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));

    @TempDir
    Path inbox;

    @Test
    void anOdsReportIsIdentifiedAndItsFiguresAndBadCellsReadAsInXlsx() throws Exception {
        // given the commune's report as an .ods: title, a merged heading (covered cell), figures and a bad cell
        String rows = row("UBND XÃ TÂN MỸ")
                + row("BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ - THÁNG 10/2022")
                + row()
                + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Chỉ tiêu</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"string\"><text:p>Tháng 10</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"string\"><text:p>Lũy kế</text:p></table:table-cell></table:table-row>"
                + row("Số đơn thư tiếp nhận", 2, "tám")
                + row("Số đơn thư đã giải quyết", 1, 7);
        Path file = inbox.resolve("06172/BM03-DT_T10-2022.ods");
        Files.createDirectories(file.getParent());
        OdsFiles.write(file, content("", table("Biểu01", rows)));

        IngestResult result = reader.read(new ReceivedFile(1, "06172", file, "06172/BM03-DT_T10-2022.ods"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo("BM03-DT");
        assertThat(result.period()).hasToString("2022-10");
        assertThat(result.values()).extracting(StagedValue::indicatorCode, StagedValue::measure, StagedValue::number,
                StagedValue::cell).containsExactlyInAnyOrder(
                        tuple("DT_TIEP_NHAN", Measure.MONTH, new BigDecimal("2"), "B5"),
                        tuple("DT_DA_GIAI_QUYET", Measure.MONTH, new BigDecimal("1"), "B6"),
                        tuple("DT_DA_GIAI_QUYET", Measure.CUMULATIVE, new BigDecimal("7"), "C6"));
        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::code, Finding::sheet, Finding::cell, Finding::found)
                .containsExactly(tuple("NOT_A_NUMBER", "Biểu01", "C5", "tám"));
    }
}
