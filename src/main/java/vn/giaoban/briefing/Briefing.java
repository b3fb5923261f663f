package vn.giaoban.briefing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The notice as leadership reads it, every sentence already written: the renderer lays it out and
 * adds nothing of its own.
 *
 * @param period     the month the briefing is about
 * @param letterhead the administrative header and signature, from configuration
 * @param title      "THÔNG BÁO"
 * @param summary    the summary line under the title
 * @param blocks     the body, in reading order
 * @param draft      marked "DỰ THẢO" until the office finalises it
 */
public record Briefing(YearMonth period, Letterhead letterhead, String title, String summary, List<Block> blocks,
        boolean draft) {

    /** One heading or paragraph of the body. */
    public record Block(Kind kind, String text) {
    }

    public enum Kind {
        /** "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ" */
        SECTION,
        /** "1. Một số kết quả chủ yếu đạt được trong tháng 10/2022" */
        SUBSECTION,
        /** a paragraph of running text, first line indented */
        PARAGRAPH,
        /** "- ..." a dash item */
        ITEM
    }

    /**
     * What Decree 30/2020/NĐ-CP puts around the body.
     *
     * @param parentBody     the body above the issuer, e.g. "UBND TỈNH LẠNG SƠN", may be blank
     * @param issuingBody    e.g. "ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG"
     * @param documentNumber e.g. "Số:      /TB-UBND"
     * @param place          e.g. "Văn Lãng"
     * @param date           the notice's date
     * @param recipients     the "Nơi nhận:" list
     * @param signerLines    e.g. "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"
     * @param signerName     e.g. "Lê Đình Phước"
     */
    public record Letterhead(String parentBody, String issuingBody, String documentNumber, String place,
            LocalDate date, List<String> recipients, List<String> signerLines, String signerName) {
    }
}
