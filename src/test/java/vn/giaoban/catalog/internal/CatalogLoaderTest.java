package vn.giaoban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogException;
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
