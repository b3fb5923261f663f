package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.Unit;

/**
 * Every office its own notice, from its own reports: the province of Lạng Sơn and each of its five communes after
 * the reform, each under its own header with its own figures (read back from the PDF and compared with the
 * database) and last year's through the crosswalk; and a catalog of another province, with other indicators, other
 * forms and its own {@code briefing.csv}, that gets a notice of its own figures and nothing of Văn Lãng's.
 */
class OfficeNoticeContentTests {

    private static final Path LANG_SON = Path.of("input-samples/lang-son");
    private static final YearMonth OCTOBER_2025 = YearMonth.of(2025, 10);

    @TempDir
    Path work;

    @Test
    void theProvinceAndEachCommuneGetTheirOwnNoticeFromTheirOwnFigures() {
        Catalog catalog = CatalogFiles.load("classpath:catalog/lang-son/");
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work, LANG_SON).setting("--spring.profiles.active=lang-son")) {
            giaoban.night(YearMonth.of(2024, 10), LocalDate.of(2024, 10, 24));
            giaoban.night(OCTOBER_2025, LocalDate.of(2025, 10, 24));

            List<Office> offices = catalog.offices(OCTOBER_2025);
            assertThat(offices).extracting(Office::code).containsExactly("20", "06124", "06148", "06151", "06154", "06172");
            String province = notice(giaoban, "20");
            assertThat(province).contains("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")
                    .contains("Công tác giải quyết đơn thư: tổng " + total(giaoban, "DT_TIEP_NHAN") + " đơn");
            for (Office office : offices.subList(1, offices.size())) {
                Unit commune = office.unit();
                String text = notice(giaoban, commune.code());
                BigDecimal received = own(giaoban, commune, "DT_TIEP_NHAN");
                BigDecimal resolved = own(giaoban, commune, "DT_DA_GIAI_QUYET");
                assertThat(text).as(commune.name())
                        .contains("ỦY BAN NHÂN DÂN " + commune.name().toUpperCase(java.util.Locale.forLanguageTag("vi")))
                        .contains("Tình hình tiếp nhận, giải quyết đơn thư của " + commune.nameInSentence() + " tháng 10/2025")
                        .contains(Office.placeName(commune.name()) + ", ngày 24 tháng 10 năm 2025")
                        .contains("Công tác giải quyết đơn thư: tổng " + received.toPlainString() + " đơn, đã giải quyết "
                                + resolved.toPlainString() + "/" + received.toPlainString() + " đơn")
                        .contains("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")
                        // nothing a commune does not have: no communes below it, no other commune's name
                        .doesNotContain("cấp xã").doesNotContain("chưa báo cáo số liệu");
                offices.stream().filter(other -> other != office && other.unit().kind() == commune.kind())
                        .forEach(other -> assertThat(text).as(commune.name()).doesNotContain(other.unit().name()));
            }
            // a plain merger's last year is its three predecessors' sum, as in the province's notice
            assertThat(notice(giaoban, "06148")).contains("Đơn thư tiếp nhận " + own(giaoban,
                    catalog.unit("06148", OCTOBER_2025).orElseThrow(), "DT_TIEP_NHAN").toPlainString() + " đơn")
                    .contains("(cùng kỳ năm 2024 tính theo các xã cũ hợp nhất: xã Trùng Khánh");
            // a commune whose last year cannot be formed says so rather than comparing with zero
            assertThat(notice(giaoban, "06151")).contains("không so sánh được: chưa biết tỷ lệ phần của xã Gia Miễn");
        }
    }

    @Test
    void aDistrictsCommuneGetsItsNoticeFromItsOwnFormsAndNothingOfTheFormsItDoesNotSend() throws IOException {
        Path catalog = work.resolve("catalog");
        org.apache.commons.io.file.PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
        Files.writeString(catalog.resolve("offices.csv"), Files.readString(catalog.resolve("offices.csv"))
                + "kind:commune,ỦY BAN NHÂN DÂN|{NAME},,{place},Số:       /TB-UBND,UBND xã,"
                + "Tình hình kinh tế - xã hội của {unit} tháng {period},TT. Đảng ủy xã;|Lưu: VT.,"
                + "TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH,,,,no\n");
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)
                .setting("--giaoban.catalog.location=file:" + catalog.toAbsolutePath() + "/")) {
            giaoban.octoberNights();

            Unit trungKhanh = CatalogFiles.load("classpath:catalog/van-lang/").unit("06127", YearMonth.of(2022, 10))
                    .orElseThrow();
            String text = BriefingPdf.read(work.resolve("reports/2022-10/06127/briefing-2022-10.pdf")).text();
            BigDecimal received = own(giaoban, trungKhanh, "2022-10", "DT_TIEP_NHAN");
            BigDecimal resolved = own(giaoban, trungKhanh, "2022-10", "DT_DA_GIAI_QUYET");
            assertThat(text).contains("ỦY BAN NHÂN DÂN XÃ TRÙNG KHÁNH")
                    .contains("Xây dựng NTM xã Trùng Khánh: đến thời điểm hiện tại, có 14/19 tiêu chí đã đạt gồm:"
                            + " 1-2-3-4-7-9-10-11-12-13-14-15-16-18. Có 5/19 tiêu chí chưa đạt (5-6-8-17-19).")
                    .contains("Công tác giải quyết đơn thư: tổng " + received.toPlainString() + " đơn, đã giải quyết "
                            + resolved.toPlainString() + "/" + received.toPlainString() + " đơn")
                    // it sends no crime, traffic or budget report: nothing is said of them, never "0 vụ"
                    .doesNotContain("PPHS").doesNotContain("TNGT").doesNotContain("0 vụ").doesNotContain("xảy ra").doesNotContain("NSNN")
                    .doesNotContain("Xã Tân Mỹ").doesNotContain("xã Hoàng Việt");
            // the district's notice is still the seed's
            assertThat(BriefingPdf.read(work.resolve("reports/2022-10/182/briefing-2022-10.pdf")).text())
                    .contains("219/243").contains("14/19 tiêu chí đã đạt");
        }
    }

    @Test
    void aMergedCommunesTwelveMonthsBeforeItWasFormedAreItsPredecessorsSum() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work).setting("--spring.profiles.active=lang-son")) {
            // June 2025: Trùng Khánh, Thụy Hùng and Thanh Long, merged into Xã Thụy Hùng (06148) on 1 July
            Map<String, Integer> june = Map.of("06127", 10, "06136", 8, "06148", 5);
            for (Map.Entry<String, Integer> commune : june.entrySet()) {
                Path folder = Files.createDirectories(work.resolve("inbox").resolve(commune.getKey()));
                Files.writeString(folder.resolve("BM03-DT_T06-2025.csv"), """
                        BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ
                        Tháng 6 năm 2025
                        STT,Mã số,Chỉ tiêu,ĐVT,Lũy kế từ đầu năm
                        1,DT_TIEP_NHAN,Số đơn thư tiếp nhận,đơn,%d
                        2,DT_DA_GIAI_QUYET,Số đơn thư đã giải quyết,đơn,%d
                        """.formatted(commune.getValue(), commune.getValue() - 1));
            }
            giaoban.night(YearMonth.of(2025, 6), LocalDate.of(2025, 6, 24));
            Path folder = Files.createDirectories(work.resolve("inbox/06148"));
            Files.copy(LANG_SON.resolve("06148/Bao cao don thu T10-2025.csv"), folder.resolve("BM03-DT_T10-2025.csv"));
            giaoban.night(OCTOBER_2025, LocalDate.of(2025, 10, 24));

            // two points make a table, not a chart: June's is the three predecessors' sum
            assertThat(notice(giaoban, "06148")).contains("Đơn thư tiếp nhận lũy kế, 12 tháng đến tháng 10/2025 (trước"
                    + " ngày 01/07/2025 tính theo các đơn vị cũ hợp nhất)").contains("06/2025 23");
            // a commune that sent nothing that month has no notice; the province always has one
            assertThat(giaoban.work().resolve("reports/2025-10/06172")).doesNotExist();
            assertThat(giaoban.work().resolve("reports/2025-10/20/briefing-2025-10.pdf")).isRegularFile();
        }
    }

    @Test
    void aCatalogWithOtherIndicatorsGetsANoticeOfItsOwnFigures() throws IOException {
        writeCaoBangCatalog(work.resolve("catalog"));
        try (GiaobanRun giaoban = GiaobanRun.empty(work).setting("--spring.profiles.active=none")) {
            writeReport("01270", "2024-10", 180, 168, 3, "4,5");
            writeReport("01273", "2024-10", 120, 110, 1, "0,8");
            giaoban.night(YearMonth.of(2024, 10), LocalDate.of(2024, 10, 24));
            writeReport("01270", "2025-10", 190, 171, 5, "6,0");
            writeReport("01273", "2025-10", 110, 104, 2, "1,5");
            giaoban.night(OCTOBER_2025, LocalDate.of(2025, 10, 24));

            String province = notice(giaoban, "04");
            assertThat(province).contains("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG")
                    .contains("Tiêm chủng mở rộng: 275/300 trẻ dưới 1 tuổi được tiêm chủng đầy đủ, đạt 91,7%.")
                    // the extra figure in its words; no rule judges a province's sum, so it is told, not judged
                    .contains("- Cháy rừng xảy ra 7 vụ, thiệt hại 7,5 ha, tăng 3 vụ và tăng 75% so với cùng kỳ năm 2024.")
                    .contains("Tiêm chủng theo xã (lũy kế đến tháng 10/2025)")
                    .doesNotContain("đơn thư").doesNotContain("NTM").doesNotContain("Thanh tra huyện")
                    .doesNotContain("triệu đồng");
            assertThat(notice(giaoban, "01273")).contains("ỦY BAN NHÂN DÂN XÃ PHÚC SEN")
                    .contains("Tiêm chủng mở rộng: 104/110 trẻ dưới 1 tuổi được tiêm chủng đầy đủ, đạt 94,5%.")
                    // worse than last year by the catalog's rule on communes: a difficulty
                    .contains("2. Khó khăn, tồn tại, hạn chế - Cháy rừng tăng so với cùng kỳ năm 2024: Cháy rừng xảy ra"
                            + " 2 vụ, thiệt hại 1,5 ha, tăng 1 vụ và tăng 100% so với cùng kỳ năm 2024.")
                    .doesNotContain("Xã Quảng Uyên").doesNotContain("Tiêm chủng theo xã");
        }
    }

    @Test
    void aSentenceNamingAnIndicatorTheCatalogLacksIsRefusedAtStartWithItsLineAndColumn() throws IOException {
        writeCaoBangCatalog(work.resolve("catalog"));
        Path briefing = work.resolve("catalog/briefing.csv");
        Files.writeString(briefing, Files.readString(briefing).replace("TC_DU_MUI TRE_DUOI_1,,\"Tiêm",
                "TC_DU_MUI DT_TIEP_NHAN,,\"Tiêm"));
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        ExitCode exit = new CommandLine(new java.io.PrintStream(output, true, StandardCharsets.UTF_8)).run("nightly",
                "--period=2025-10", "--night=2025-10-24", "--giaoban.work-dir=" + work, "--spring.profiles.active=none");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("tệp briefing.csv, dòng 2 (results): cột indicators:"
                + " chỉ tiêu DT_TIEP_NHAN không có trong indicators.csv");
    }

    private static String notice(GiaobanRun giaoban, String office) {
        return BriefingPdf.read(giaoban.work().resolve("reports/2025-10/" + office + "/briefing-2025-10.pdf")).text();
    }

    private static BigDecimal own(GiaobanRun giaoban, Unit unit, String indicator) {
        return own(giaoban, unit, "2025-10", indicator);
    }

    private static BigDecimal own(GiaobanRun giaoban, Unit unit, String period, String indicator) {
        return giaoban.jdbc().sql("""
                SELECT num_value FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ?
                AND measure = 'CUMULATIVE'""").params(unit.key(), indicator, period).query(BigDecimal.class).single()
                .stripTrailingZeros();
    }

    private static String total(GiaobanRun giaoban, String indicator) {
        return giaoban.jdbc().sql("""
                SELECT total_value FROM rollup_value WHERE unit_key = '20@-' AND indicator_code = ? AND period = '2025-10'
                AND measure = 'CUMULATIVE'""").param(indicator).query(BigDecimal.class).single()
                .stripTrailingZeros().toPlainString();
    }

    /** Another province's catalog: other codes, other forms, its own wording; Lạng Sơn's column headings. */
    private static void writeCaoBangCatalog(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var in = new ClassPathResource("catalog/lang-son/headings.csv").getInputStream()) {
            Files.write(dir.resolve("headings.csv"), in.readAllBytes());
        }
        Map<String, String> files = Map.of(
                "units.csv", """
                        code,name,kind,parent_code,valid_from,valid_to,successor_code,aliases
                        04,Tỉnh Cao Bằng,province,,,,,Cao Bằng
                        01270,Xã Quảng Uyên,commune,04,,,,Quảng Uyên
                        01273,Xã Phúc Sen,commune,04,,,,Phúc Sen
                        """,
                "indicators.csv", """
                        code,name,short_name,unit_of_measure,value_type,rollup,polarity,decimals,percent_decimals,min_digits,aliases
                        TRE_DUOI_1,Số trẻ em dưới 1 tuổi,trẻ dưới 1 tuổi,trẻ,COUNT,OWN_PLUS_CHILDREN,NEUTRAL,0,1,1,Trẻ dưới 1 tuổi
                        TC_DU_MUI,Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ,trẻ tiêm đủ mũi,trẻ,COUNT,OWN_PLUS_CHILDREN,HIGHER_IS_BETTER,0,1,1,Trẻ tiêm đủ mũi
                        CHAY_RUNG,Số vụ cháy rừng,cháy rừng,vụ,COUNT,OWN_PLUS_CHILDREN,LOWER_IS_BETTER,0,0,1,Cháy rừng
                        DT_CHAY,Diện tích rừng bị cháy,diện tích rừng bị cháy,ha,NUMBER,OWN_PLUS_CHILDREN,LOWER_IS_BETTER,1,1,1,Diện tích bị cháy
                        """,
                "forms.csv", """
                        code,title,submitters,default_measure,deadline_day,indicators,aliases
                        YT-01,Báo cáo tiêm chủng mở rộng,kind:commune,CUMULATIVE,24,TRE_DUOI_1 TC_DU_MUI,Tiêm chủng mở rộng
                        KL-02,Báo cáo phòng cháy chữa cháy rừng,kind:commune,CUMULATIVE,24,CHAY_RUNG DT_CHAY,Cháy rừng
                        """,
                "targets.csv", "code,indicator,level,year,unit,value,label\n",
                "rules.csv", """
                        code,applies_to,severity,subject,check,tolerance_abs,tolerance_rel,briefing,message,name
                        CHAY_CUNG_KY,kind:commune,WARNING,CHAY_RUNG,notWorse('CHAY_RUNG'),,,no,"Số vụ cháy rừng tăng so với cùng kỳ.",Cháy rừng so với cùng kỳ
                        """,
                "offices.csv", """
                        unit,issuing_body,parent_body,place,document_number,issuer,summary,recipients,signer_lines,signer_name,emails,trend_indicator,bundle
                        04,ỦY BAN NHÂN DÂN|TỈNH CAO BẰNG,,Cao Bằng,Số:       /TB-UBND,UBND tỉnh,Tình hình y tế và bảo vệ rừng tháng {period},TT. Tỉnh ủy;|Lưu: VT.,TL. CHỦ TỊCH|CHÁNH VĂN PHÒNG,,,,yes
                        kind:commune,ỦY BAN NHÂN DÂN|{NAME},,{place},Số:       /TB-UBND,UBND xã,Tình hình y tế và bảo vệ rừng của {unit} tháng {period},TT. Đảng ủy xã;|Lưu: VT.,TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH,,,,no
                        """,
                "briefing.csv", """
                        section,kind,indicators,option,text,offices
                        results,ratio,TC_DU_MUI TRE_DUOI_1,,"Tiêm chủng mở rộng: {fraction} trẻ dưới 1 tuổi được tiêm chủng đầy đủ, đạt {percent}%.",
                        parts,year_on_year,CHAY_RUNG DT_CHAY=thiệt_hại,Cháy rừng,"{Indicator} xảy ra {value} {uom}[, {extras|, }]{comparison}",
                        difficulties,comparisons,,,"{topics| và } tăng so với cùng kỳ năm {last_year}: {Worse|; }.",
                        results,comparisons,,,{Better|; }.,
                        annex,by_unit,TRE_DUOI_1 TC_DU_MUI=Tiêm_đủ_mũi,,Tiêm chủng theo xã (lũy kế đến tháng {period}),province
                        """);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }

    /** A commune's two reports of a month as it would type them, figures since January. */
    private void writeReport(String commune, String period, int children, int vaccinated, int fires, String burnt)
            throws IOException {
        Path folder = Files.createDirectories(work.resolve("inbox").resolve(commune));
        String month = period.substring(5) + "-" + period.substring(0, 4);
        Files.writeString(folder.resolve("YT-01 tháng " + month + ".csv"), """
                BÁO CÁO TIÊM CHỦNG MỞ RỘNG
                Tháng %s
                STT,Mã số,Chỉ tiêu,ĐVT,Lũy kế từ đầu năm
                1,TRE_DUOI_1,Số trẻ em dưới 1 tuổi,trẻ,%d
                2,TC_DU_MUI,Số trẻ tiêm đủ mũi,trẻ,%d
                """.formatted(month.replace('-', '/'), children, vaccinated));
        Files.writeString(folder.resolve("KL-02 tháng " + month + ".csv"), """
                BÁO CÁO PHÒNG CHÁY CHỮA CHÁY RỪNG
                Tháng %s
                STT,Mã số,Chỉ tiêu,ĐVT,Lũy kế từ đầu năm
                1,CHAY_RUNG,Số vụ cháy rừng,vụ,%d
                2,DT_CHAY,Diện tích rừng bị cháy,ha,"%s"
                """.formatted(month.replace('-', '/'), fires, burnt));
    }
}
