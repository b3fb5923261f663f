package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.briefing.Briefing;
import vn.giaoban.briefing.BriefingComposer;
import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.NoticeTrace;
import vn.giaoban.briefing.NoticeTrace.Derivation;
import vn.giaoban.briefing.NoticeTrace.Figure;
import vn.giaoban.briefing.NoticeTrace.Paragraph;
import vn.giaoban.briefing.NoticeTrace.Segment;
import vn.giaoban.briefing.NoticeTraces;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.Unit;

/**
 * Every figure of the notice traceable to its sources (issue 13): the nights run on the shipped samples, the
 * trace read back as the web console reads it, compared with the database's cells, the PDF's text and the XLSX's
 * last sheet.
 */
class NoticeTraceTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final YearMonth OCTOBER_2025 = YearMonth.of(2025, 10);

    /** What a number of section I may be without being a figure: a date, a month, a year, the months of a year. */
    private static final Pattern CALENDAR = Pattern.compile(
            "\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}/\\d{4}|[Nn]ăm \\d{4}|[Tt]háng \\d{1,2}(?!/)|\\d{0,2}/12 tháng|ngày \\d{1,2}(?!/)");
    /** A number standing alone, not part of a code such as "BM03-DT". */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*(?![\\p{L}\\p{N}])");

    @TempDir
    Path work;

    @Test
    void everyFigureOfTheDistrictsNoticeTracesToTheCellsItWasReadFrom() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            // given the two October nights of the samples
            giaoban.octoberNights();

            // when the web console asks for the district's notice
            NoticeTrace trace = giaoban.context().getBean(NoticeTraces.class).trace("182", OCTOBER_2022).orElseThrow();

            // then the budget revenue is a figure of section I traced to the cell the unit's file holds it in
            Figure revenue = figureShown(trace, "94.533");
            assertThat(revenue.place()).startsWith("Mục I.1, đoạn ");
            assertThat(revenue.label()).contains("Tổng thu ngân sách nhà nước").contains("lũy kế đến tháng 10/2022")
                    .contains("triệu đồng");
            assertThat(revenue.value()).isEqualByComparingTo("94533");
            List<NoticeTrace.Source> sources = revenue.allSources();
            assertThat(sources).isNotEmpty();
            Unit district = CatalogFiles.load("classpath:catalog/van-lang/").unit("182", OCTOBER_2022).orElseThrow();
            Map<String, Object> cell = giaoban.jdbc().sql("""
                    SELECT s.original_name, v.sheet, v.cell, s.version, s.received_night
                    FROM data_value v JOIN submission s ON s.id = v.submission_id
                    WHERE v.unit_key = ? AND v.indicator_code = 'NSNN_THU' AND v.period = '2022-10'
                      AND v.measure = 'CUMULATIVE'""").param(district.key()).query().singleRow();
            NoticeTrace.Source source = sources.get(0);
            assertThat(source.reference()).isEqualTo(cell.get("original_name") + "!" + cell.get("sheet") + "!"
                    + cell.get("cell")).matches("[^!]+\\.(xlsx|xls|csv)![^!]+![A-Z]+\\d+");
            assertThat(source.version()).isEqualTo(((Number) cell.get("version")).intValue());
            // the samples of both years lie in the inbox from the first night on
            assertThat(source.receivedNight()).isEqualTo(((java.sql.Date) cell.get("received_night")).toLocalDate());
            assertThat(new BigDecimal(source.valueRead())).isEqualByComparingTo("94533");
            assertThat(source.unitName()).isNotBlank();

            // a percentage has its numerator and its denominator, the catalog's target with no file behind it
            Figure attained = figureShown(trace, "116,71");
            assertThat(attained.derivation()).isEqualTo(Derivation.RATIO);
            assertThat(attained.parts()).hasSize(2);
            assertThat(attained.parts().get(0).value()).isEqualByComparingTo("94533");
            assertThat(attained.parts().get(0).allSources()).isNotEmpty();
            assertThat(attained.parts().get(1).derivation()).isEqualTo(Derivation.TARGET);
            assertThat(attained.parts().get(1).value()).isEqualByComparingTo("81000");
            assertThat(attained.parts().get(1).how()).contains("chỉ tiêu giao trong danh mục, targets.csv");
            assertThat(attained.parts().get(1).sources()).isEmpty();

            // a sum lists its parts, each unit's own cell, and they add up to the figure shown
            Figure received = figureShown(trace, "243");
            assertThat(received.derivation()).isEqualTo(Derivation.SUM);
            assertAddsUp(received);
            assertThat(received.parts()).allSatisfy(part -> assertThat(part.allSources()).isNotEmpty());
            Figure communes = figureShown(trace, "186");
            assertThat(communes.derivation()).isEqualTo(Derivation.SUM);
            assertThat(communes.parts()).hasSizeGreaterThan(1);
            assertAddsUp(communes);
            Figure rate = figureShown(trace, "90,1");
            assertThat(rate.parts()).extracting(Figure::shown).containsExactly("219", "243");
            // a year-on-year change has this year's and last year's figures, last year's from its own files
            Figure change = trace.figures().stream().filter(f -> f.derivation() == Derivation.DIFFERENCE
                    && f.place().startsWith("Mục I")).findFirst().orElseThrow();
            assertThat(change.parts()).hasSize(2);
            assertThat(change.parts().get(1).label()).contains("tháng 10/2021");
            assertThat(change.parts().get(1).allSources()).isNotEmpty();
            // the criteria a commune met are each its cell
            Figure criteriaMet = figureShown(trace, "14");
            assertThat(criteriaMet.derivation()).isEqualTo(Derivation.COUNT);
            assertThat(criteriaMet.parts()).hasSize(14).allSatisfy(p -> assertThat(p.sources()).hasSize(1));

            // every number of section I is a traced figure, and the paragraphs are the notice's items word for word
            assertEveryNumberTraced(trace);
            BriefingPublisher publisher = giaoban.context().getBean(BriefingPublisher.class);
            Briefing notice = giaoban.context().getBean(BriefingComposer.class)
                    .compose(publisher.office("182", OCTOBER_2022).orElseThrow(), OCTOBER_2022, LocalDate.of(2022, 10, 24));
            List<String> sectionOne = new ArrayList<>();
            int sections = 0;
            for (Briefing.Block block : notice.blocks()) {
                sections += block.kind() == Briefing.Kind.SECTION ? 1 : 0;
                if (sections == 1 && block.kind() == Briefing.Kind.ITEM) {
                    sectionOne.add(block.text());
                }
            }
            assertThat(trace.paragraphs()).extracting(Paragraph::text).containsExactlyElementsOf(sectionOne);
            String pdf = BriefingPdf.read(work.resolve("reports/2022-10/182/briefing-2022-10.pdf")).text();
            assertThat(pdf).contains(figureShown(trace, "219").shown() + "/" + figureShown(trace, "243").shown());
            // and the annex's tables are traced after section I
            List<Figure> annex = trace.figures().stream().filter(f -> f.place().startsWith("Biểu ")).toList();
            assertThat(annex).isNotEmpty();
            assertThat(trace.figures().indexOf(annex.get(0))).isEqualTo(trace.figures().size() - annex.size());
            assertThat(annex).anySatisfy(f -> assertThat(f.place()).startsWith("Biểu 1, hàng Tổng thu ngân sách nhà nước")
                    .endsWith("cột Thực hiện"));
            // every figure of every annex table, as the notice's annex shows it
            for (int t = 0; t < notice.annex().tables().size(); t++) {
                Briefing.Table table = notice.annex().tables().get(t);
                String number = "Biểu " + (t + 1) + ", ";
                List<String> shown = new ArrayList<>();
                for (List<String> row : table.rows()) {
                    for (int c = 1; c < row.size(); c++) {
                        if (table.numeric().get(c) && !row.get(c).equals("—")) {
                            shown.add(number + "hàng " + row.get(0) + ", cột " + table.columns().get(c) + ": " + row.get(c));
                        }
                    }
                }
                assertThat(annex.stream().filter(f -> f.place().startsWith(number))
                        .map(f -> f.place() + ": " + f.shown())).as(table.title()).containsExactlyElementsOf(shown);
            }

            // the XLSX annex ends with the sheet of sources, a row per figure and its parts under it
            try (InputStream in = Files.newInputStream(work.resolve("reports/2022-10/182/phu-luc-2022-10.xlsx"));
                    XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheetAt(workbook.getNumberOfSheets() - 1);
                assertThat(sheet.getSheetName()).isEqualTo("Nguồn số liệu");
                List<String> header = new ArrayList<>();
                sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
                assertThat(header).containsExactly("Mã số", "Vị trí trong thông báo", "Nội dung số liệu",
                        "Số in trong thông báo", "Giá trị", "Cách tính", "Diễn giải", "Đơn vị gửi tệp",
                        "Tham chiếu ô (tệp!trang!ô)", "Phiên bản", "Đêm nhận tệp", "Giá trị đọc được");
                List<String> ids = new ArrayList<>();
                Row revenueRow = null;
                for (Row row : sheet) {
                    if (row.getRowNum() < 2 || row.getCell(0) == null) {
                        continue;
                    }
                    String id = row.getCell(0).getStringCellValue();
                    if (id.matches("so-\\d+")) {
                        ids.add(id);
                    }
                    if (id.equals(revenue.id())) {
                        revenueRow = row;
                    }
                }
                assertThat(ids).containsExactlyElementsOf(trace.figures().stream().map(Figure::id).toList());
                // a part's row is grouped under its figure's
                for (Row row : sheet) {
                    if (row.getRowNum() >= 2 && row.getCell(0) != null
                            && row.getCell(0).getStringCellValue().equals(attained.id() + "-2")) {
                        assertThat(row.getOutlineLevel()).isEqualTo(1);
                        assertThat(row.getCell(2).getStringCellValue()).contains("năm 2022");
                        assertThat(row.getCell(6).getStringCellValue()).contains("targets.csv");
                    }
                }
                assertThat(revenueRow).isNotNull();
                assertThat(revenueRow.getCell(3).getStringCellValue()).isEqualTo("94.533");
                assertThat(revenueRow.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(revenueRow.getCell(4).getNumericCellValue()).isEqualTo(94533.0);
                // its source: on its own row when it is a unit's value, else on the rows of its parts
                boolean referenced = false;
                for (Row row : sheet) {
                    if (row.getCell(8) != null && row.getCell(8).getCellType() == CellType.STRING
                            && row.getCell(8).getStringCellValue().startsWith(source.reference())) {
                        referenced = true;
                        assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(source.version().doubleValue());
                        assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(94533.0);
                    }
                }
                assertThat(referenced).isTrue();
            }
        }
    }

    @Test
    void theProvinceAndACommuneOfTheLangSonCatalogTraceEveryNumberOfTheirSectionI() {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work, Path.of("input-samples/lang-son"))
                .setting("--spring.profiles.active=lang-son")) {
            // given last year's and this year's nights of the province's samples
            giaoban.night(YearMonth.of(2024, 10), LocalDate.of(2024, 10, 24));
            giaoban.night(OCTOBER_2025, LocalDate.of(2025, 10, 24));
            NoticeTraces traces = giaoban.context().getBean(NoticeTraces.class);

            // when the province's and a merged commune's notices are traced
            long started = System.nanoTime();
            NoticeTrace province = traces.trace("20", OCTOBER_2025).orElseThrow();
            long millis = (System.nanoTime() - started) / 1_000_000;
            NoticeTrace commune = traces.trace("06148", OCTOBER_2025).orElseThrow();

            // then every number of their section I is a figure, each sum adds up, and reading is quick
            assertEveryNumberTraced(province);
            assertEveryNumberTraced(commune);
            province.figures().forEach(NoticeTraceTests::assertAddsUpDeep);
            commune.figures().forEach(NoticeTraceTests::assertAddsUpDeep);
            assertThat(millis).as("reading the province's trace").isLessThan(1_000);
            // last year's figure of a merged commune is its predecessors' parts, each from their own files
            Figure lastYear = commune.figures().stream().filter(f -> f.derivation() == Derivation.DIFFERENCE)
                    .findFirst().orElseThrow().parts().get(1);
            assertThat(lastYear.derivation()).isEqualTo(Derivation.SUM);
            assertThat(lastYear.parts()).hasSizeGreaterThan(1).allSatisfy(part -> {
                assertThat(part.derivation()).isEqualTo(Derivation.SHARE);
                assertThat(part.allSources()).isNotEmpty();
            });
            assertThat(province.figures()).anySatisfy(f -> assertThat(f.place()).startsWith("Biểu "));
        }
    }

    /** The figure printed as {@code shown} in section I, the first of them. */
    private static Figure figureShown(NoticeTrace trace, String shown) {
        String id = trace.paragraphs().stream().flatMap(p -> p.segments().stream())
                .filter(s -> s.isFigure() && s.text().equals(shown)).findFirst().map(Segment::figureId)
                .orElseThrow(() -> new AssertionError("no figure " + shown + " in section I"));
        return trace.figure(id).orElseThrow();
    }

    private static void assertAddsUp(Figure sum) {
        BigDecimal parts = sum.parts().stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(parts).as(sum.id() + " " + sum.label()).isEqualByComparingTo(sum.value());
    }

    private static void assertAddsUpDeep(Figure figure) {
        figure.withParts().filter(f -> f.derivation() == Derivation.SUM && !f.parts().isEmpty())
                .forEach(NoticeTraceTests::assertAddsUp);
    }

    /**
     * The test that keeps the trace honest: outside the figures, section I holds no number but the calendar's, and
     * every figure it names is in the trace with something behind it.
     */
    private static void assertEveryNumberTraced(NoticeTrace trace) {
        assertThat(trace.paragraphs()).isNotEmpty();
        for (Paragraph paragraph : trace.paragraphs()) {
            for (Segment segment : paragraph.segments()) {
                if (segment.isFigure()) {
                    Figure figure = trace.figure(segment.figureId()).orElseThrow();
                    assertThat(figure.shown()).isEqualTo(segment.text());
                    assertThat(figure.how() != null || !figure.allSources().isEmpty() || !figure.parts().isEmpty())
                            .as(figure.id() + " " + figure.label()).isTrue();
                    continue;
                }
                String plain = CALENDAR.matcher(segment.text()).replaceAll(" ");
                Matcher number = NUMBER.matcher(plain);
                assertThat(number.find()).as("an untraced number in %s %d: «%s»", paragraph.section(),
                        paragraph.number(), paragraph.text()).isFalse();
            }
        }
    }
}
