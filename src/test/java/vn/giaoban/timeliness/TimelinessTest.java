package vn.giaoban.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reason a table line gives for a refused file: its first sentence, cut to fit. */
class TimelinessTest {

    @Test
    void aReasonIsItsFirstSentence() {
        assertThat(Timeliness.shorten("Tệp không đọc được: đây là tệp PDF, không phải tệp Excel hay CSV. Đề nghị gửi"
                + " tệp Excel.")).isEqualTo("Tệp không đọc được: đây là tệp PDF, không phải tệp Excel hay CSV");
        assertThat(Timeliness.shorten("Tệp không đọc được: tệp rỗng.")).isEqualTo("Tệp không đọc được: tệp rỗng");
    }

    @Test
    void aLongSentenceIsCutWithAnEllipsis() {
        String reason = "Tiêu đề ghi " + "Xã Trùng Khánh, ".repeat(10) + "không phải đơn vị của thư mục";

        assertThat(Timeliness.shorten(reason)).hasSize(90).endsWith("…").startsWith("Tiêu đề ghi Xã Trùng Khánh");
    }
}
