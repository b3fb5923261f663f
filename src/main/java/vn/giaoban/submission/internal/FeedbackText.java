package vn.giaoban.submission.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.FiledSubmission;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.SubmissionStatus;

/**
 * The answer a unit reads the next morning about one file it sent: counted or not, how many values
 * were taken, and every finding with its cell, what was found and what to do. Plain text with CRLF
 * line ends, for the Notepad of an old office PC.
 */
public final class FeedbackText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final String CRLF = "\r\n";

    private final Catalog catalog;
    private final ZoneId zone;

    public FeedbackText(Catalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    public String write(FiledSubmission submission, List<Finding> findings, String filedAs) {
        StringBuilder text = new StringBuilder();
        line(text, "PHẢN HỒI VỀ BÁO CÁO ĐÃ GỬI");
        line(text, "Đơn vị gửi: " + unitName(submission));
        line(text, "Tệp: " + submission.originalName());
        line(text, "Nhận lúc: " + RECEIVED.format(submission.receivedAt().atZone(zone)));
        if (submission.formCode() != null) {
            line(text, "Biểu mẫu: " + submission.formCode()
                    + catalog.form(submission.formCode()).map(Form::title).map(t -> " - " + t).orElse(""));
        }
        if (submission.period() != null) {
            line(text, "Kỳ báo cáo: tháng " + SubmissionIdentifier.show(submission.period())
                    + (submission.asOf() == null ? "" : ", số liệu đến ngày " + DAY.format(submission.asOf())));
        }
        if (submission.version() != null && submission.version() > 1 && submission.status() == SubmissionStatus.ACCEPTED) {
            line(text, "Lần gửi thứ " + submission.version() + ": thay thế các bản đã gửi trước cho kỳ này.");
        }
        line(text, "");
        switch (submission.status()) {
            case ACCEPTED -> {
                line(text, "KẾT QUẢ: ĐÃ TIẾP NHẬN");
                line(text, "Đã lấy " + submission.valuesTaken() + " giá trị vào số liệu tổng hợp.");
            }
            case DUPLICATE -> {
                line(text, "KẾT QUẢ: ĐÃ NHẬN, KHÔNG CÓ GÌ THAY ĐỔI");
                line(text, "Nội dung tệp giống hệt bản đang được sử dụng cho kỳ này; số liệu tổng hợp giữ nguyên.");
            }
            case REJECTED -> {
                line(text, "KẾT QUẢ: KHÔNG TIẾP NHẬN CẢ TỆP");
                line(text, "Lý do: " + submission.rejection());
                // no unit carried the folder's code in the period: the reason says where to send instead
                line(text, submission.unitKey() == null && submission.period() != null
                        ? "Không có số liệu nào của tệp này được tổng hợp."
                        : "Không có số liệu nào của tệp này được tổng hợp. Đề nghị sửa rồi gửi lại tệp vào thư mục "
                                + submission.folder() + ".");
            }
            default -> throw new IllegalArgumentException("Not read yet: " + submission.id());
        }
        if (!findings.isEmpty()) {
            line(text, "");
            line(text, "CÁC ĐIỂM CẦN XEM LẠI (" + findings.size() + "):");
            int number = 0;
            for (Finding finding : findings) {
                line(text, (++number) + ". " + describe(finding));
            }
        }
        if (filedAs != null) {
            line(text, "");
            line(text, "Tệp gốc được lưu tại: " + filedAs);
        }
        return text.toString();
    }

    private String unitName(FiledSubmission submission) {
        return (submission.unitKey() == null ? catalog.unitsWithCode(submission.folder()).stream().findFirst()
                : catalog.unitByKey(submission.unitKey())).map(Unit::name).map(name -> name + " (mã " + submission.folder() + ")")
                .orElse("thư mục " + submission.folder());
    }

    private static String describe(Finding finding) {
        StringBuilder text = new StringBuilder(label(finding.severity()));
        if (finding.cell() != null) {
            text.append(", ô ").append(sheetReference(finding.sheet())).append('!').append(finding.cell());
        } else if (finding.sheet() != null) {
            text.append(", trang ").append(finding.sheet());
        }
        if (finding.found() != null) {
            text.append(", giá trị \"").append(finding.found()).append('"');
        }
        return text.append(": ").append(finding.message()).toString();
    }

    /** As Excel writes it: 'Thu NSNN T10'!B10, Biểu01!F12. */
    private static String sheetReference(String sheet) {
        return sheet.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? sheet
                : "'" + sheet.replace("'", "''") + "'";
    }

    private static String label(Severity severity) {
        return switch (severity) {
            case ERROR -> "Lỗi (giá trị không được lấy)";
            case WARNING -> "Cần kiểm tra";
            case INFO -> "Ghi chú";
        };
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(CRLF);
    }
}
