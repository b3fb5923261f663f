package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.submission.NightSummary;
import vn.giaoban.submission.SubmissionIngest;

/**
 * A report about a commune that a department sends (Văn Lãng's agriculture office sends each commune's BM05-NTM,
 * delegations.csv), dropped in the department's own folder: the commune's report, told to the sender; when the
 * commune sent its own too, the catalog's authoritative party counts, the other is kept, both are told and the
 * office's summary lists it. Several versions on one night: each told which one counts.
 */
class DelegatedReportsTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final LocalDate NIGHT = LocalDate.of(2022, 10, 27);
    private static final Instant AN_HOUR_AGO = Instant.now().minusSeconds(3600);

    /** The criteria of Xã Trùng Khánh: {@code met} of them "Đạt", the rest "Chưa đạt". */
    private static String criteria(String issuer, int met) {
        StringBuilder csv = new StringBuilder(issuer + ";;\n"
                + "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI;;\n"
                + "Xã Trùng Khánh - Tháng 10 năm 2022;;\n"
                + "STT;Chỉ tiêu;Kết quả đánh giá\n");
        for (int criterion = 1; criterion <= 19; criterion++) {
            csv.append(criterion).append(";Tiêu chí ").append(criterion).append(';')
                    .append(criterion <= met ? "Đạt" : "Chưa đạt").append('\n');
        }
        return csv.toString();
    }

    @TempDir
    Path work;

    @Test
    void theAgricultureOfficesReportIsTheCommunesAndTheOfficeIsAnswered() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "PNNPTNT/NTM Trung Khanh T10-2022.csv", criteria("PHÒNG NÔNG NGHIỆP VÀ PTNT", 14));

            giaoban.night(OCTOBER_2022, NIGHT);

            assertThat(giaoban.jdbc().sql("""
                    SELECT s.unit_key FROM current_submission c JOIN submission s ON s.id = c.submission_id
                    WHERE c.form_code = 'BM05-NTM' AND c.period = '2022-10'""").query(String.class).list())
                    .containsExactly("06127@-");
            assertThat(giaoban.jdbc().sql("""
                    SELECT COUNT(*) FROM data_value WHERE unit_key = '06127@-' AND period = '2022-10'
                    AND indicator_code LIKE 'NTM_TC_%' AND text_value = 'DAT'""").query(Integer.class).single())
                    .isEqualTo(14);
            String answer = feedback("PNNPTNT/NTM Trung Khanh T10-2022.csv.phan-hoi.txt");
            assertThat(answer).contains("Đơn vị gửi: Phòng Nông nghiệp và Phát triển nông thôn (mã PNNPTNT)")
                    .contains("KẾT QUẢ: ĐÃ TIẾP NHẬN")
                    .contains("Báo cáo của Xã Trùng Khánh do Phòng Nông nghiệp và Phát triển nông thôn gửi thay theo danh mục.");
        }
    }

    @Test
    void whenTheCommuneSentItsOwnTooTheOfficesCountsBothAreToldAndTheSummaryListsIt() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "PNNPTNT/BM05-NTM_Trung Khanh_T10-2022.csv", criteria("PHÒNG NÔNG NGHIỆP VÀ PTNT", 14));
            // the commune's own, copied later: newer, but the catalog makes the office's authoritative
            Path own = drop(giaoban, "06127/BM05-NTM_T10-2022.csv", criteria("UBND XÃ TRÙNG KHÁNH", 16));
            Files.setLastModifiedTime(own, FileTime.from(AN_HOUR_AGO.plusSeconds(600)));

            giaoban.night(OCTOBER_2022, NIGHT);

            assertThat(giaoban.jdbc().sql("""
                    SELECT COUNT(*) FROM data_value WHERE unit_key = '06127@-' AND period = '2022-10'
                    AND indicator_code LIKE 'NTM_TC_%' AND text_value = 'DAT'""").query(Integer.class).single())
                    .as("the office's 14, not the commune's 16").isEqualTo(14);
            assertThat(feedback("06127/BM05-NTM_T10-2022.csv.phan-hoi.txt"))
                    .contains("Bản này được lưu nhưng số liệu không được dùng: Phòng Nông nghiệp và Phát triển nông thôn"
                            + " cũng gửi báo cáo này (tệp BM05-NTM_Trung Khanh_T10-2022.csv) và theo danh mục, bản của"
                            + " Phòng Nông nghiệp và Phát triển nông thôn là bản được dùng.");
            assertThat(feedback("PNNPTNT/BM05-NTM_Trung Khanh_T10-2022.csv.phan-hoi.txt"))
                    .contains("Xã Trùng Khánh cũng gửi báo cáo này; theo danh mục, bản này là bản được dùng");
            NightSummary summary = giaoban.context().getBean(SubmissionIngest.class).summary(NIGHT);
            assertThat(summary.repeated()).singleElement().satisfies(report -> {
                assertThat(report.unitKey()).isEqualTo("06127@-");
                assertThat(report.formCode()).isEqualTo("BM05-NTM");
                assertThat(report.senders()).isEqualTo(2);
                assertThat(report.current()).isEqualTo("BM05-NTM_Trung Khanh_T10-2022.csv");
            });
        }
    }

    @Test
    void aSenderWritingACommuneNotDelegatedToItIsRefusedNamingWhoMaySendIt() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "CAH/NTM_T10-2022.csv", criteria("CÔNG AN HUYỆN", 14));

            giaoban.night(OCTOBER_2022, NIGHT);

            assertThat(feedback("CAH/NTM_T10-2022.csv.phan-hoi.txt")).contains("KẾT QUẢ: KHÔNG TIẾP NHẬN CẢ TỆP")
                    .contains("Biểu BM05-NTM của Xã Trùng Khánh do Xã Trùng Khánh (mã 06127) hoặc Phòng Nông nghiệp và"
                            + " Phát triển nông thôn (mã PNNPTNT) gửi");
        }
    }

    @Test
    void severalVersionsOnOneNightAreEachToldWhichOneCounts() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06127/BM05-NTM lan 1.csv", criteria("UBND XÃ TRÙNG KHÁNH", 12));
            Path second = drop(giaoban, "06127/BM05-NTM lan 2.csv", criteria("UBND XÃ TRÙNG KHÁNH", 14));
            Files.setLastModifiedTime(second, FileTime.from(AN_HOUR_AGO.plusSeconds(600)));

            giaoban.night(OCTOBER_2022, NIGHT);

            assertThat(feedback("06127/BM05-NTM lan 1.csv.phan-hoi.txt"))
                    .contains("Trong đêm nhận 2 bản của báo cáo này; bản được dùng là tệp BM05-NTM lan 2.csv (lần gửi thứ 2).");
            assertThat(feedback("06127/BM05-NTM lan 2.csv.phan-hoi.txt"))
                    .contains("Trong đêm nhận 2 bản của báo cáo này; bản này (gửi sau cùng) là bản được dùng.");
            NightSummary summary = giaoban.context().getBean(SubmissionIngest.class).summary(NIGHT);
            assertThat(summary.repeated()).singleElement().satisfies(report -> {
                assertThat(report.tonight()).isEqualTo(2);
                assertThat(report.senders()).isEqualTo(1);
                assertThat(report.current()).isEqualTo("BM05-NTM lan 2.csv");
            });
        }
    }

    private static Path drop(GiaobanRun giaoban, String relative, String content) throws IOException {
        Path file = giaoban.inbox().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO));
        return file;
    }

    private String feedback(String relative) throws IOException {
        return Files.readString(work.resolve("outbox").resolve(relative), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
