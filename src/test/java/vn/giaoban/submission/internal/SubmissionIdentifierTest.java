package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.text.Messages;

/** The folder names a code; the file's period decides which unit carried it then. */
class SubmissionIdentifierTest {

    private static final String FORM = "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ";

    private final Catalog catalog = CatalogFiles.load("classpath:catalog/van-lang/");
    private final SubmissionIdentifier identifier = new SubmissionIdentifier(catalog);

    @Test
    void aFileInFolder06172ForOctober2024IsXaTanMys() {
        Identification identification = identify("06172", "BM03-DT_T10-2024.csv", "UBND XÃ TÂN MỸ", "Tháng 10 năm 2024");

        assertThat(identification.rejection()).isNull();
        assertThat(identification.unit().key()).isEqualTo("06172@-");
        assertThat(identification.unit().name()).isEqualTo("Xã Tân Mỹ");
    }

    @Test
    void aFileInFolder06172ForOctober2025IsXaHoangVanThus() {
        Identification identification = identify("06172", "BM03-DT_T10-2025.csv", "UBND XÃ HOÀNG VĂN THỤ",
                "Tháng 10 năm 2025");

        assertThat(identification.rejection()).isNull();
        assertThat(identification.unit().key()).isEqualTo("06172@2025-07-01");
    }

    @Test
    void aTitleNamingTheOldCommuneForAPeriodAfterTheReformIsRejectedWhole() {
        Identification identification = identify("06172", "BM03-DT_T10-2025.csv", "UBND XÃ TÂN MỸ", "Tháng 10 năm 2025");

        assertThat(identification.identified()).isFalse();
        assertThat(identification.rejection()).isEqualTo("Tiêu đề biểu ghi Xã Tân Mỹ, đơn vị chỉ có hiệu lực đến"
                + " 30/06/2025, nhưng kỳ báo cáo là tháng 10/2025, khi mã 06172 là của Xã Hoàng Văn Thụ. Nếu là báo cáo"
                + " của Xã Hoàng Văn Thụ, đề nghị sửa tiêu đề theo tên đơn vị rồi gửi lại; nếu là số liệu của Xã Tân Mỹ,"
                + " đề nghị ghi đúng kỳ báo cáo.");
    }

    @Test
    void aFileWithoutAPeriodIsRejectedWithTheBundlesSentence() {
        Identification identification = identify("06172", "bao cao.csv", "UBND XÃ TÂN MỸ", "BÁO CÁO");

        // the sentence is the feedback bundle's, as the unit reads it
        assertThat(identification.rejection()).isEqualTo(Messages.defaults().get("feedback.identify.no-period"))
                .isEqualTo("Không xác định được kỳ báo cáo: tên tệp và tiêu đề biểu đều không ghi tháng"
                        + " (ví dụ \"THÁNG 10/2022\"). Đề nghị ghi kỳ báo cáo vào tiêu đề biểu rồi gửi lại.");
    }

    @Test
    void aTitleNamingANewCommuneForAPeriodBeforeTheReformIsRejectedWhole() {
        Identification identification = identify("06154", "BM03-DT_T10-2024.csv", "UBND XÃ VĂN LÃNG", "Tháng 10 năm 2024");

        assertThat(identification.rejection()).startsWith("Tiêu đề biểu ghi Xã Văn Lãng, đơn vị có hiệu lực từ"
                + " 01/07/2025, nhưng kỳ báo cáo là tháng 10/2024, khi mã 06154 là của Xã Bắc Việt.");
    }

    @Test
    void aNameThatAnotherUnitCarriedInThePeriodIsThatUnitsNotTheNewOne() {
        // in 2024 Xã Hoàng Văn Thụ was 06178; 06172 was Xã Tân Mỹ
        Identification identification = identify("06172", "BM03-DT_T10-2024.csv", "UBND XÃ HOÀNG VĂN THỤ",
                "Tháng 10 năm 2024");

        assertThat(identification.rejection()).isEqualTo("Tệp được gửi vào thư mục của Xã Tân Mỹ nhưng tiêu đề biểu ghi"
                + " Xã Hoàng Văn Thụ. Mỗi đơn vị chỉ gửi báo cáo của mình vào thư mục của mình.");
    }

    @Test
    void aFolderWhoseCodeNoUnitCarriedInThePeriodIsRejectedWithWhereTheReportsGoNow() {
        Identification identification = identify("06166", "BM03-DT_T10-2025.csv", "UBND XÃ TÂN THANH",
                "Tháng 10 năm 2025");

        assertThat(identification.unit()).isNull();
        assertThat(identification.rejection()).isEqualTo("Mã đơn vị 06166 không có hiệu lực trong kỳ 10/2025: mã này là"
                + " của Xã Tân Thanh (chỉ có hiệu lực đến 30/06/2025). Từ ngày 01/07/2025, Xã Tân Thanh được hợp nhất"
                + " vào Xã Hoàng Văn Thụ (thư mục 06172): báo cáo kỳ 10/2025 do đơn vị mới gửi vào thư mục của mình."
                + " Nếu là số liệu cũ, đề nghị ghi đúng kỳ báo cáo rồi gửi lại.");
    }

    private static final String NTM = "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI";

    @Test
    void theAgricultureOfficesReportForACommuneIsTheCommunesSaysWhoSentIt() {
        // given the agriculture office's file in its own folder, its title naming the commune it is about
        Identification identification = identifier.identify(catalog.unitsWithCode("PNNPTNT"), "NTM xa T10-2022.xlsx",
                List.of("PHÒNG NÔNG NGHIỆP VÀ PTNT", NTM, "Xã Trùng Khánh", "Tháng 10 năm 2022"));

        // then the report is the commune's, and the feedback says the office sent it for the commune
        assertThat(identification.rejection()).isNull();
        assertThat(identification.unit().code()).isEqualTo("06127");
        assertThat(identification.form().code()).isEqualTo("BM05-NTM");
        assertThat(identification.notes()).extracting(note -> note.message())
                .contains("Báo cáo của Xã Trùng Khánh do Phòng Nông nghiệp và Phát triển nông thôn gửi thay theo danh mục.");
    }

    @Test
    void theCommuneMayBeNamedByTheFilesNameAlone() {
        Identification identification = identifier.identify(catalog.unitsWithCode("PNNPTNT"),
                "BM05-NTM_Trung Khanh_T10-2022.xlsx", List.of(NTM, "Tháng 10 năm 2022"));

        assertThat(identification.rejection()).isNull();
        assertThat(identification.unit().code()).isEqualTo("06127");
    }

    @Test
    void aSenderWritingASubjectNotDelegatedToItIsRefusedNamingWhoMaySendIt() {
        // the police sends a commune's new-rural report: it has no delegation for it
        Identification police = identifier.identify(catalog.unitsWithCode("CAH"), "BM05-NTM_T10-2022.xlsx",
                List.of("CÔNG AN HUYỆN", NTM, "Xã Trùng Khánh", "Tháng 10 năm 2022"));

        assertThat(police.identified()).isFalse();
        assertThat(police.rejection()).isEqualTo("Tệp được gửi vào thư mục của Công an huyện nhưng tiêu đề biểu ghi"
                + " Xã Trùng Khánh. Biểu BM05-NTM của Xã Trùng Khánh do Xã Trùng Khánh (mã 06127) hoặc Phòng Nông nghiệp"
                + " và Phát triển nông thôn (mã PNNPTNT) gửi, vào thư mục của đơn vị gửi.");

        // the agriculture office writes another form for a commune: delegated only BM05-NTM
        Identification otherForm = identifier.identify(catalog.unitsWithCode("PNNPTNT"), "BM03-DT_T10-2022.xlsx",
                List.of(FORM, "Xã Trùng Khánh", "Tháng 10 năm 2022"));
        assertThat(otherForm.identified()).isFalse();
        assertThat(otherForm.rejection()).contains("Xã Trùng Khánh");
    }

    @Test
    void theOfficeWritingAUnitOfAKindNotDelegatedIsRefused() {
        // the office sends for the communes; Na Sầm was a town (thị trấn) in 2022
        Identification identification = identifier.identify(catalog.unitsWithCode("PNNPTNT"), "BM05-NTM.xlsx",
                List.of(NTM, "Thị trấn Na Sầm", "Tháng 10 năm 2022"));

        assertThat(identification.identified()).isFalse();
        assertThat(identification.rejection()).startsWith("Phòng Nông nghiệp và Phát triển nông thôn không được gửi"
                + " biểu BM05-NTM thay cho Thị trấn Na Sầm");
    }

    @Test
    void anOnBehalfReportNamingNoUnitIsRefusedSayingWhereToWriteIt() {
        Identification identification = identifier.identify(catalog.unitsWithCode("PNNPTNT"), "BM05-NTM_T10-2022.xlsx",
                List.of(NTM, "Tháng 10 năm 2022"));

        assertThat(identification.rejection()).startsWith("Biểu BM05-NTM do Phòng Nông nghiệp và Phát triển nông thôn gửi"
                + " thay cho đơn vị khác nhưng tệp không ghi đơn vị nào");
    }

    private Identification identify(String folder, String fileName, String issuer, String month) {
        List<Unit> folderUnits = catalog.unitsWithCode(folder);
        return identifier.identify(folderUnits, fileName, List.of(issuer, FORM, month));
    }
}
