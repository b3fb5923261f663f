package vn.giaoban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogException;
import vn.giaoban.catalog.Delegation;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Succession;
import vn.giaoban.catalog.Unit;

class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader(new DefaultResourceLoader());

    @TempDir
    Path catalog;

    @BeforeEach
    void copyTheShippedCatalog() throws IOException {
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
    }

    @Test
    void theShippedCatalogLoadsWithVanLangsUnitsIndicatorsAndForms() {
        Catalog vanLang = loader.load("classpath:catalog/van-lang/");

        assertThat(vanLang.units()).filteredOn(u -> "182".equals(u.parentCode())).hasSizeGreaterThanOrEqualTo(17);
        assertThat(vanLang.indicators()).extracting("code").contains("NSNN_THU", "DTC_GIAI_NGAN", "DT_TIEP_NHAN",
                "DT_DA_GIAI_QUYET", "PPHS", "TNGT_SO_VU", "TNGT_CHET", "TNGT_BI_THUONG", "NTM_TC_01", "NTM_TC_19");
        assertThat(vanLang.targets(("NSNN_THU"), 2022, "182")).extracting(t -> t.value().intValue())
                .containsExactly(81000, 93400);
    }

    @Test
    void aReusedCodeNamesTheUnitValidOnTheDay() {
        Catalog vanLang = loader.load("classpath:catalog/van-lang/");

        assertThat(vanLang.unit("06172", LocalDate.of(2025, 6, 30))).map(Unit::name).contains("Xã Tân Mỹ");
        assertThat(vanLang.unit("06172", LocalDate.of(2025, 7, 1))).map(Unit::name).contains("Xã Hoàng Văn Thụ");
    }

    @Test
    void theAgricultureOfficeSendsTheNewRuralReportForTheDistrictsCommunesAndNoOneElses() {
        Catalog vanLang = loader.load("classpath:catalog/van-lang/");
        YearMonth october = YearMonth.of(2022, 10);
        Unit agriculture = vanLang.unit("PNNPTNT", october).orElseThrow();
        Unit trungKhanh = vanLang.unit("06127", october).orElseThrow();
        Unit tanMy = vanLang.unit("06172", october).orElseThrow();
        Form ntm = vanLang.form("BM05-NTM").orElseThrow();

        assertThat(vanLang.delegation(agriculture, ntm, trungKhanh)).map(Delegation::authoritative)
                .contains(Delegation.Authority.SENDER);
        assertThat(vanLang.delegation(agriculture, ntm, tanMy)).isPresent();
        // not another form, not a department, not itself
        assertThat(vanLang.delegation(agriculture, vanLang.form("BM03-DT").orElseThrow(), trungKhanh)).isEmpty();
        assertThat(vanLang.delegation(agriculture, ntm, vanLang.unit("CAH", october).orElseThrow())).isEmpty();
        assertThat(vanLang.delegation(trungKhanh, ntm, tanMy)).isEmpty();
        // who may send Trùng Khánh's: the commune itself, then the office
        assertThat(vanLang.sendersFor(ntm, trungKhanh, october)).extracting(Unit::code).containsExactly("06127", "PNNPTNT");
        assertThat(vanLang.formsSentForOthersBy(agriculture)).containsExactly(ntm);
    }

    @Test
    void aDelegationNamingAnUnknownSenderFormOrSubjectIsAnErrorNamingTheFile() throws IOException {
        Files.writeString(catalog.resolve("delegations.csv"), """
                sender,form,subjects,authoritative
                PKHONGCO,BM05-NTM,kind:commune,sender
                PNNPTNT,BM99,kind:xa,subject
                PNNPTNT,BM05-NTM,99999,sender
                """);

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("delegations.csv").hasMessageContaining("PKHONGCO")
                .hasMessageContaining("BM99").hasMessageContaining("kind:xa").hasMessageContaining("99999");
    }

    @Test
    void aDelegationWithoutItsAuthorityIsAnErrorNamingTheLine() throws IOException {
        Files.writeString(catalog.resolve("delegations.csv"), """
                sender,form,subjects,authoritative
                PNNPTNT,BM05-NTM,kind:commune,
                """);

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("delegations.csv").hasMessageContaining("dòng 2")
                .hasMessageContaining("authoritative");
    }

    @Test
    void aFormNamingAnUnknownIndicatorIsAnErrorNamingTheFileAndTheEntry() throws IOException {
        replace("forms.csv", "DT_TIEP_NHAN DT_DA_GIAI_QUYET", "DT_TIEP_NHAN DT_DA_GIAI_QUYET DT_KHONG_CO");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("forms.csv").hasMessageContaining("BM03-DT").hasMessageContaining("DT_KHONG_CO");
    }

    @Test
    void aDuplicateIndicatorCodeIsAnError() throws IOException {
        Files.writeString(catalog.resolve("indicators.csv"),
                "PPHS,Trùng,PPHS,vụ,NUMBER,OWN,LOWER_IS_BETTER,0,0,1,\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("indicators.csv").hasMessageContaining("PPHS").hasMessageContaining("trùng mã");
    }

    @Test
    void aUnitWithAnUnknownParentIsAnError() throws IOException {
        replace("units.csv", "06181,Xã Nhạc Kỳ,commune,182,", "06181,Xã Nhạc Kỳ,commune,183,");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("units.csv").hasMessageContaining("06181").hasMessageContaining("183");
    }

    @Test
    void anOldCommuneSplitInPartsNamesEachSuccessorWithItsShareAndALoneSuccessorTakesAll() throws IOException {
        replace("units.csv", "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01,",
                "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01:0.6|06124@2025-07-01:0.4,");
        replace("units.csv", "06160,Xã Gia Miễn,commune,182,,2025-06-30,06151@2025-07-01,",
                "06160,Xã Gia Miễn,commune,182,,2025-06-30,06151@2025-07-01|06154@2025-07-01:0.3,");

        Catalog vanLang = load();

        Unit tanThanh = vanLang.unitByKey("06166@-").orElseThrow();
        assertThat(tanThanh.successors()).extracting(Succession::successorKey, s -> s.share().doubleValue())
                .containsExactly(tuple("06172@2025-07-01", 0.6), tuple("06124@2025-07-01", 0.4));
        assertThat(vanLang.unitByKey("06160@-").orElseThrow().successors()).extracting(Succession::share)
                .containsExactly(null, new BigDecimal("0.3"));
        assertThat(vanLang.unitByKey("06175@-").orElseThrow().successors()).extracting(Succession::share)
                .containsExactly(BigDecimal.ONE);
        Unit naSam = vanLang.unitByKey("06124@2025-07-01").orElseThrow();
        assertThat(vanLang.predecessors(naSam).keySet()).extracting(Unit::name)
                .containsExactlyInAnyOrder("Thị trấn Na Sầm", "Xã Bắc Hùng", "Xã Hoàng Việt", "Xã Tân Thanh");
    }

    @Test
    void sharesOfOnePredecessorThatAreAllKnownMustAddUpToOne() throws IOException {
        replace("units.csv", "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01,",
                "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01:0.6|06124@2025-07-01:0.3,");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("units.csv").hasMessageContaining("06166@-")
                .hasMessageContaining("tổng tỷ lệ chuyển sang các đơn vị kế thừa là 0.9, phải bằng 1");
    }

    @Test
    void knownSharesThatLeaveNothingForAnUnknownOneAreAnError() throws IOException {
        replace("units.csv", "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01,",
                "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01:1|06124@2025-07-01,");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("06166@-").hasMessageContaining("tổng phải nhỏ hơn 1");
    }

    @Test
    void aShareAboveOneOrNotANumberNamesTheLine() throws IOException {
        replace("units.csv", "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01,",
                "06166,Xã Tân Thanh,commune,182,,2025-06-30,06172@2025-07-01:1.5,");
        replace("units.csv", "06172,Xã Tân Mỹ,commune,182,,2025-06-30,06172@2025-07-01,",
                "06172,Xã Tân Mỹ,commune,182,,2025-06-30,06172@2025-07-01:mot nua,");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("units.csv, dòng 16 (06166)").hasMessageContaining("không quá 1")
                .hasMessageContaining("units.csv, dòng 17 (06172)").hasMessageContaining("không phải là số");
    }

    @Test
    void aSuccessorMustBeginTheDayAfterItsPredecessorEnds() throws IOException {
        replace("units.csv", "06181,Xã Nhạc Kỳ,commune,182,,2025-06-30,", "06181,Xã Nhạc Kỳ,commune,182,,2025-05-31,");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("06181@-").hasMessageContaining("phải có hiệu lực từ ngày 2025-06-01");
    }

    @Test
    void twoUnitsCarryingOneCodeOverTheSameDaysAreAnError() throws IOException {
        replace("units.csv", "06172,Xã Hoàng Văn Thụ,commune,20,2025-07-01,,", "06172,Xã Hoàng Văn Thụ,commune,20,2025-06-01,,");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("06172").hasMessageContaining("chồng lên nhau");
    }

    @Test
    void aMalformedValueNamesTheLine() throws IOException {
        replace("targets.csv", "2022,182,93400", "2022,182,9x400");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("targets.csv, dòng 7").hasMessageContaining("NSNN_DT_HUYEN");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.delete(catalog.resolve("headings.csv"));

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class).hasMessageContaining("headings.csv");
    }

    @Test
    void theNoticesLinesAndOfficesAreTheCatalogsAndAKindCoversEachOfItsUnits() {
        Catalog vanLang = load();

        assertThat(vanLang.notice()).extracting(item -> item.kind().name()).startsWith("CRITERIA", "ATTAINMENT",
                "ATTAINMENT", "RATIO", "YEAR_ON_YEAR", "YEAR_ON_YEAR", "COMPARISONS");
        assertThat(vanLang.offices(YearMonth.of(2022, 10))).extracting(o -> o.code()).containsExactly("182");
        Catalog langSon = loader.load("classpath:catalog/lang-son/");
        assertThat(langSon.offices(YearMonth.of(2025, 10))).extracting(o -> o.code() + " " + o.issuingBody())
                .contains("20 [ỦY BAN NHÂN DÂN, TỈNH LẠNG SƠN]", "06172 [ỦY BAN NHÂN DÂN, XÃ HOÀNG VĂN THỤ]");
        assertThat(langSon.office("06172", YearMonth.of(2025, 10)).orElseThrow().place()).isEqualTo("Hoàng Văn Thụ");
    }

    @Test
    void aSentenceUsingASlotItsKindHasNotIsAnErrorNamingTheLineAndColumn() throws IOException {
        replace("briefing.csv", "đạt {percent}%[", "đạt {pace}%[");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("tệp briefing.csv, dòng 5 (results): cột text: ô {pace} không dùng được cho loại ratio");
    }

    @Test
    void anUnclosedBracketAndAPatternMatchingNoIndicatorAreNamed() throws IOException {
        replace("briefing.csv", "đạt {percent}%[", "đạt {percent}%[[");
        replace("briefing.csv", "*_KHO_KHAN", "*_VUONG_MAC");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("dòng 5 (results): cột text: dấu '[' ở vị trí")
                .hasMessageContaining("cột indicators: mẫu *_VUONG_MAC không khớp chỉ tiêu nào trong indicators.csv");
    }

    @Test
    void aRatioOfOneFigureAndAComparisonOutsideItsPartsAreNamed() throws IOException {
        replace("briefing.csv", "results,ratio,DT_DA_GIAI_QUYET DT_TIEP_NHAN", "results,ratio,DT_DA_GIAI_QUYET");
        replace("briefing.csv", "parts,year_on_year,PPHS", "results,year_on_year,PPHS");

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("dòng 5 (results): cột indicators: loại ratio cần đúng 2 chỉ tiêu (phần, rồi tổng),"
                        + " đang có 1")
                .hasMessageContaining("dòng 6 (results): cột section: loại year_on_year thuộc phần parts");
    }

    @Test
    void officesWithoutTheNoticesLinesAreAnError() throws IOException {
        Files.delete(catalog.resolve("briefing.csv"));

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("tệp briefing.csv: không tìm thấy tệp");
    }

    private Catalog load() {
        return loader.load("file:" + catalog.toAbsolutePath() + "/");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = catalog.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
