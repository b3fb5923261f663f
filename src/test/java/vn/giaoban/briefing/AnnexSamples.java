package vn.giaoban.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import vn.giaoban.briefing.Briefing.Block;
import vn.giaoban.briefing.Briefing.Kind;

/**
 * The notice of 27 October 2022 (seed 000_108f180fae0256a8), as the consolidation would hand it
 * over (the body copied from BriefingRendererTest), with an annex of two tables and two charts, for
 * the DOCX and XLSX tests.
 */
final class AnnexSamples {

    static final String NSNN = "Tổng thu NSNN trên địa bàn đến ngày 23/10/2022 được 94.533 triệu đồng, đạt 116,71% "
            + "dự toán tỉnh giao, đạt 101,21% dự toán huyện giao.";
    static final String GIAI_NGAN = "Tháng 10/2022, giải ngân được 71.592 triệu đồng, đạt 76,46% kế hoạch vốn tỉnh giao "
            + "và bằng 70,91% kế hoạch vốn huyện giao.";
    static final String CLOSING = "Ủy ban nhân dân huyện thông báo Kết luận của đồng chí Chủ tịch UBND huyện đề các "
            + "cơ quan, đơn vị biết, tổ chức thực hiện./.";

    private AnnexSamples() {
    }

    /** The seed notice with the sample annex. */
    static Briefing briefing(boolean draft) {
        return notice(draft, annex());
    }

    /** Two tables (targets; petitions by commune, with a formula-looking note cell) and two charts. */
    static Briefing.Annex annex() {
        Briefing.Table targets = new Briefing.Table("Bảng 1. Thu ngân sách và giải ngân vốn đầu tư công so với dự toán, kế hoạch năm 2022",
                List.of("Chỉ tiêu", "Đơn vị tính", "Thực hiện đến tháng 10/2022", "Dự toán tỉnh giao", "Đạt (%) so với tỉnh giao",
                        "Dự toán huyện giao", "Đạt (%) so với huyện giao"),
                List.of(false, false, true, true, true, true, true),
                List.of(List.of("Tổng thu NSNN trên địa bàn", "triệu đồng", "94.533", "81.000", "116,71%", "93.403", "101,21%"),
                        List.of("Giải ngân vốn đầu tư công", "triệu đồng", "71.592", "93.633", "76,46%", "100.962", "70,91%"),
                        List.of("Xây dựng NTM xã Trùng Khánh", "tiêu chí", "14/19", "19", "—", "19", "—")),
                "Nguồn: Chi cục Thuế khu vực III, Kho bạc Nhà nước huyện; số liệu đến ngày 23/10/2022.");
        Briefing.Table petitions = new Briefing.Table("Bảng 2. Tiếp nhận, giải quyết đơn thư theo đơn vị, tháng 10/2022",
                List.of("Đơn vị", "Mã", "Tổng số đơn", "Đã giải quyết", "Tỷ lệ", "Ghi chú"),
                List.of(false, false, true, true, true, false),
                List.of(List.of("Cấp huyện", "UBND", "57", "51", "89,5%", ""),
                        List.of("Xã Tân Mỹ", "06172", "25", "23", "92%", "=SUM(A1)"),
                        List.of("Xã Trùng Khánh", "06127", "31", "27", "87,1%", "+ 2 đơn chuyển kỳ sau"),
                        List.of("Các xã, thị trấn còn lại", "", "130", "118", "90,77%", "-"),
                        List.of("Tổng", "", "243", "219", "90,1%", "")),
                "Cấp xã giải quyết 168/186 đơn.");
        Briefing.Chart revenue = new Briefing.Chart("Biểu đồ 1. Thu NSNN và giải ngân vốn đầu tư công so với dự toán, kế hoạch",
                Briefing.ChartKind.BAR, "triệu đồng",
                List.of(new Briefing.Series("Thực hiện", List.of(point("Thu NSNN", "94533"), point("Giải ngân vốn ĐTC", "71592"))),
                        new Briefing.Series("Tỉnh giao", List.of(point("Thu NSNN", "81000"), point("Giải ngân vốn ĐTC", "93633"))),
                        new Briefing.Series("Huyện giao", List.of(point("Thu NSNN", "93403"), point("Giải ngân vốn ĐTC", "100962")))));
        String[] months = {"11/2021", "12/2021", "01/2022", "02/2022", "03/2022", "04/2022", "05/2022", "06/2022", "07/2022",
                "08/2022", "09/2022", "10/2022"};
        String[] received = {"18", "22", "15", "12", "24", "21", "19", "26", "23", "20", "27", "25"};
        String[] resolved = {"15", "20", "14", "10", "21", "19", "18", "22", "21", "19", "24", "21"};
        List<Briefing.Point> in = new ArrayList<>();
        List<Briefing.Point> done = new ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            in.add(point(months[i], received[i]));
            done.add(point(months[i], resolved[i]));
        }
        Briefing.Chart trend = new Briefing.Chart("Biểu đồ 2. Đơn thư tiếp nhận và đã giải quyết 12 tháng qua", Briefing.ChartKind.LINE,
                "đơn", List.of(new Briefing.Series("Tiếp nhận", in), new Briefing.Series("Đã giải quyết", done)));
        return new Briefing.Annex("PHỤ LỤC", List.of(targets, petitions), List.of(revenue, trend));
    }

    private static Briefing.Point point(String category, String value) {
        return new Briefing.Point(category, new BigDecimal(value));
    }

    static Briefing notice(boolean draft, Briefing.Annex annex) {
        Briefing.Letterhead letterhead = new Briefing.Letterhead("", "ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG", "Số:      /TB-UBND",
                "Văn Lãng", LocalDate.of(2022, 10, 27),
                List.of("TT. Huyện ủy;", "- TT. HĐND huyện;", "CT, PCT UBND huyện;", "Các CQCM, ĐVSN thuộc UBND huyện;",
                        "Các đơn vị: Công an huyện, BCHQS huyện; Trung tâm Y tế huyện; Đội QLTT số 7; Chi cục Thuế khu vực III; "
                                + "BHXH huyện; Hạt Kiểm lâm huyện;",
                        "UBND các xã, thị trấn;", "C, PCVP;", "Lưu: VT."),
                List.of("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), "Lê Đình Phước");
        List<Block> blocks = new ArrayList<>();
        paragraph(blocks, "Ngày 25/10/2022, UBND huyện tổ chức cuộc họp giao ban công tác tháng 10 năm 2022, để đánh giá tình hình "
                + "thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 10 và triển khai nhiệm vụ tháng 11 "
                + "năm 2022. Đồng chí Lê Tuấn Minh, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện - chủ trì cuộc họp. Tham dự cuộc họp "
                + "có đồng chí Đường Thị Xuyên, Ủy viên BTV Huyện ủy, Phó Chủ tịch Thường trực HĐND huyện; các đồng chí Phó Chủ "
                + "tịch UBND; Lãnh đạo 02 Ban HĐND huyện; Thành viên UBND huyện; lãnh đạo các CQCM, ĐVSN thuộc UBND huyện, các "
                + "ngành chức năng trên địa bàn huyện.");
        paragraph(blocks, "Sau khi nghe ý kiến phát biểu của đồng chí Phó Chủ tịch Thường trực HĐND huyện và các ý kiến tham gia "
                + "thảo luận của các đơn vị tại cuộc họp; đồng chí Chủ tịch UBND huyện kết luận một số nội dung chủ yếu sau:");
        section(blocks, "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ");
        subsection(blocks, "1. Một số kết quả chủ yếu đạt được trong tháng 10/2022");
        item(blocks, "Tiếp tục hướng dẫn Nhân dân tập trung theo dõi và chăm sóc các loại cây trồng chính vụ như lúa mùa, ngô hè "
                + "thu; gieo trồng cây thực phẩm; thu hoạch một số nông sản chính trên địa bàn huyện như hồng Vành Khuyên, hồi, "
                + "thạch đen... Tổ chức diễn tập PCCC diễn tập tại xã Thành Hòa với 277 người tham gia.");
        item(blocks, "- Chỉ đạo quyết liệt đẩy nhanh tiến độ xây dựng NTM xã Trùng Khánh. UBND huyện đã phối hợp với các Sở, "
                + "ngành thực hiện thẩm định hoàn thành các tiêu chí; đến thời điểm hiện tại, có 14/19 tiêu chí đã đạt gồm: "
                + "1-2-3-4-7-9-10-11-12-13-14-15-16-18. Có 5/19 tiêu chí chưa đạt (5-6-8-17-19), UBND huyện sẽ mời các Sở, "
                + "ngành thẩm định trong ngày 27/10/2022 (thực tế các tiêu chí đã đạt về khối lượng, chỉ cần hoàn thiện biên bản "
                + "thẩm định của Sở).");
        item(blocks, "Công tác thu NSNN thực hiện hiệu quả, hiện đã vượt dự toán tỉnh, huyện giao: " + NSNN);
        item(blocks, "Tổ chức Hội nghị đối thoại, làm việc với cộng đồng doanh nghiệp, hợp tác xã, hộ kinh doanh trên địa bàn "
                + "huyện Văn Lãng năm 2022 và kỷ niệm ngày Doanh nhân Việt Nam 13/10, với trên 300 đại biểu, doanh nghiệp, hợp "
                + "tác xã, hộ kinh doanh trên địa bàn huyện tham gia.");
        item(blocks, "Chỉ đạo quyết liệt giải ngân vốn đầu tư công. " + GIAI_NGAN);
        item(blocks, "Lĩnh vực VH-XH có nhiều chuyển biến tích cực: Thẩm định, kiểm tra tiến độ tự đánh giá các trường công nhận "
                + "lại trường chuẩn. Chuẩn bị các nội dung chương trình Công bố tuyên du lịch tâm linh theo kế hoạch (tháng "
                + "11/2022). Tích cực tham gia Đại hội TĐTT tỉnh Lạng Sơn lần thứ IX năm 2022, đạt 1 HCV, 4 HCB, 7 HCD. Thực "
                + "hiện Trạm Y tế xã Tân Tác đạt chuẩn BTCQGYTX năm 2022.");
        item(blocks, "Công tác giải phóng mặt bằng đối với các dự án cơ bản đúng tiến độ. Đối với Dự án Hạ tầng kỹ thuật khu Ao "
                + "cạn (Khu V): Đang chỉ đạo khẩn trương củng cố hoàn thiện hồ sơ đảm bảo trình tự cưỡng chế thu hồi đất đối với "
                + "01 hộ.");
        item(blocks, "Công tác giải quyết đơn thư cơ bản đạt chỉ tiêu. Tổng 243 đơn, đã giải quyết 219/243 đơn đạt 90,1% (Trong "
                + "đó cấp huyện giải quyết 51/57, cấp xã 168/186 đơn).");
        item(blocks, "Tổ chức Hội nghị sơ kết 5 năm và nhân rộng mô hình “Vận động quần chúng Nhân dân tham gia đảm bảo an ninh "
                + "trật tự, gắn với phát triển kinh tế - xã hội, củng cố quốc phòng - an ninh” với 150 đại biểu tham gia. Ban "
                + "hành các văn bản lãnh đạo, chỉ đạo và tổ chức họp BCD của huyện chuẩn bị cho diễn tập chiến đấu phòng thủ năm "
                + "2022 (bắt đầu triển khai từ ngày 25/10 tại thị trấn Na Sầm).");
        subsection(blocks, "2. Khó khăn, tồn tại, hạn chế");
        item(blocks, "Dịch bệnh trên cây trồng, vật nuôi vẫn diễn ra rải rác ảnh hưởng đến tình hình sản xuất của người dân. Việc "
                + "tìm đầu ra cho sản phẩm nông nghiệp của người dân còn khó khăn.");
        item(blocks, "Công tác GPMB còn gặp khó khăn, một số dự án tiến độ còn chậm.");
        item(blocks, "Việc triển khai nguồn vốn các Chương trình MTQG còn lúng túng, khó khăn (Chương trình MTQG vùng ĐBDTTS và "
                + "miền núi và Chương trình MTQG giảm nghèo bền vững). Công tác tổ chức các lớp đào tạo nghề cho lao động nông "
                + "thôn triển khai còn chậm; công tác chuyển đổi số ở một số lĩnh vực còn chung chung, chưa thực chất. Thực hiện "
                + "dịch vụ công trực tuyến mức độ 3,4 còn ở mức trung bình (top giữa, thứ 5, 6 toàn tỉnh). Công tác tuyên truyền, "
                + "phổ biến pháp luật ở cơ sở còn mang tính hình thức.");
        item(blocks, "Một số vụ việc phức tạp, kéo dài, nhưng chưa giải quyết triệt để, đảm bảo thời gian (35 hộ dân tại Khu 8, "
                + "thị trấn Na Sầm và thôn Tà Coóc, xã Bắc Việt; 16 hộ dân thuộc thôn Nà Tổng, xã Trùng Khánh).");
        item(blocks, "Phạm pháp hình sự và tai nạn giao thông tăng cao so với năm 2021, không đạt chỉ tiêu nghị quyết, kế hoạch "
                + "của huyện đề ra. Về PPHS xảy ra 29 vụ, tăng 4 vụ và tăng 16% so với năm 2021; TNGT xảy ra 04 vụ, làm chết 04 "
                + "người, tăng 03 vụ và tăng 300% so với năm 2021.");
        section(blocks, "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 11/2022");
        paragraph(blocks, "Trong tháng 11, yêu cầu các cơ quan, đơn vị cần tập trung triển khai một số nội dung cụ thể sau đây:");
        subsection(blocks, "1. Lĩnh vực nông lâm nghiệp, nông thôn; xây dựng NTM (Phòng Nông nghiệp và PTNT; Trung tâm DVNN)");
        item(blocks, "Tập trung chỉ đạo chăm sóc, thu hoạch cây trồng vụ mùa; chăm sóc cây hồng Vành Khuyên sau thu hoạch, chuẩn "
                + "bị điều kiện mở rộng diện tích (trong đó tập trung tại các xã Tân Mỹ, Hoàng Việt); rà soát, tổng hợp tổng sản "
                + "lượng, doanh thu từ hồng Vành Khuyên trên địa bàn huyện. Thường xuyên theo dõi dịch bệnh trên cây trồng vật "
                + "nuôi, nhất là đối với bệnh Dịch tả lợn Châu Phi, kịp thời khuyến cáo, chỉ đạo phòng trừ kịp thời. Đặc biệt chú "
                + "trọng các điều kiện phòng chống rét cho cây trồng, vật nuôi trong mùa đông. Tăng cường công tác quản lý, bảo "
                + "vệ rừng, PCCC.");
        item(blocks, "Về xây dựng NTM xã Trùng Khánh, yêu cầu Phòng Nông nghiệp và PTNT chủ trì, khẩn trương hoàn thiện hồ sơ "
                + "tiêu chí chưa đạt (5 tiêu chí), thời gian hoàn thành trong tháng 10/2022; tích cực vận động Nhân dân tham gia "
                + "triển khai thực hiện tiêu chí về môi trường. Tập trung xây dựng khu dân cư “nông thôn mới kiểu mẫu” tại các xã "
                + "Hoàng Việt, Tân Mỹ, Bắc Hùng, Bắc Việt, Tân Thanh; xem xét, đánh giá những khó khăn vướng mắc và khẩn trương "
                + "có giải pháp tháo gỡ.");
        item(blocks, "Tiếp tục hướng dẫn các chủ thể xây dựng hồ sơ các sản phẩm OCOP; quan tâm đến tình hình sản xuất, chất "
                + "lượng, mẫu mã, thị trường tiêu thụ các sản phẩm OCOP (mật ong Phai Nà, rượu Hội Hoan...). Hỗ trợ nhà đầu tư, "
                + "chủ thể được hưởng chính sách hỗ trợ của Nghị quyết 08/2019/NQ-HĐND; phối hợp hiệu quả với Chi nhánh Ngân hàng "
                + "Nông nghiệp và PTNT huyện Văn Lãng trong công tác giải ngân cho các nhà đầu tư, chủ thể đủ điều kiện.");
        subsection(blocks, "2. Về công tác thu chi NSNN (Phòng Tài chính - KH; Chi cục Thuế KV III)");
        paragraph(blocks, "Tăng cường công tác quản lý thu NSNN, nhất là đối với các sắc thuế đạt thấp; đặc biệt chú trọng thu hồi "
                + "nợ đọng đối với các cá nhân, tổ chức, doanh nghiệp, đồng thời xem xét nội dung chống thất thu thuế. Kiểm soát "
                + "chặt chẽ chi ngân sách, bảo đảm chi đúng mục đích, đối tượng, hiệu quả, tiết kiệm.");
        subsection(blocks, "3. Về đầu tư xây dựng cơ bản, phát triển giao thông và công tác quy hoạch (Phòng Kinh tế và HT; Tài "
                + "chính - KH; BQL DADTXDCT huyện)");
        item(blocks, "Chỉ đạo các đơn vị và nhà thầu cần đẩy nhanh tiến độ giải ngân vốn đầu tư công, đảm bảo kế hoạch, tiến độ "
                + "năm 2022. Về các Chương trình MTQG: Đối với các nội dung điều chỉnh thuộc thẩm quyền của UBND huyện, các cơ "
                + "quan chủ quản Chương trình tổng hợp gửi UBND huyện (qua Phòng Tài chính-Kế hoạch) trước ngày 04/11/2022 để "
                + "xem xét, điều chỉnh; đối với các nội dung điều chỉnh vượt thẩm quyền của UBND huyện, các cơ quan chủ quản "
                + "Chương trình tổng hợp, tham mưu UBND huyện báo cáo cơ quan chủ quản Chương trình cấp tỉnh trước ngày "
                + "07/11/2022.");
        item(blocks, "Tập trung đôn đốc một số công trình thi công tiến độ chậm, các công trình phục vụ xây dựng nông thôn mới, "
                + "công trình giao thông nông thôn trên địa bàn. Đôn đốc nhà thầu dọn dẹp, vệ sinh môi trường công trình sau thi "
                + "công. Chú trọng tiến độ, chất lượng và công tác giám sát đầu tư cộng đồng sửa chữa đường ĐH 12 (Tân Lang - Tân "
                + "Việt cũ). Chuẩn bị được mặt bằng để xây dựng điểm trường Hua Kiêu (Trường Mầm non xã Gia Miến) do Đại sứ quán "
                + "Ấn Độ hỗ trợ.");
        item(blocks, "Hoàn thiện các đồ án quy hoạch xây dựng trên địa bàn huyện. Chuẩn bị nội dung trình kỳ họp HĐND huyện kỳ "
                + "chuyên đề về Quy hoạch chi tiết xây dựng tỷ lệ 1/500 Cải tạo tuyến đường ĐH13 và khu dân cư, biệt thự du lịch "
                + "sinh thái và đồ án Quy hoạch chi tiết tỷ lệ 1/500 Khu đô thị sinh thái Thủy Vân Sơn. Khẩn trương phối hợp với "
                + "các đơn vị hoàn thiện các thủ tục thành lập Cụm công nghiệp trên địa bàn xã Tân Mỹ.");
        subsection(blocks, "4. Công tác tài nguyên, môi trường và GPMB (Phòng Tài nguyên và MT; Trung tâm PTQĐ)");
        item(blocks, "Chuẩn bị nội dung trình kỳ họp HĐND huyện kỳ chuyên đề về lập điều chỉnh quy hoạch sử dụng đất thời kỳ "
                + "2021-2030 và Kế hoạch sử dụng đất năm đầu của điều chỉnh quy hoạch sử dụng đất huyện Văn Lãng; Kế hoạch sử "
                + "dụng đất năm 2023. Khẩn trương hoàn thiện các thủ tục cấp giấy chứng nhận QSDĐ cho các tổ chức, cá nhân. Đưa "
                + "vào phương án đấu giá quyền sử dụng đất năm 2023 đối với Khu ao cạn (khu V). Giải quyết dứt điểm đơn thư của 35 "
                + "hộ gia đình thuộc thôn Tà Coóc, xã Bắc Việt và khu 8, thị trấn Na Sầm; 16 hộ thuộc thôn Nà Tổng, xã Trùng "
                + "Khánh và các đơn về đất đai mới phát sinh.");
        item(blocks, "Tổ chức làm việc với Nhà đầu tư dự án Đầu tư xây dựng khu dân cư mới tại khu II thị trấn Na Sầm về việc "
                + "hoàn thành hạ tầng cơ sở tái định cư. Đối với dự án Hạ tầng kỹ thuật khu Ao cạn, Trung tâm PTQĐ huyện khẩn "
                + "trương phối hợp tham mưu các điều kiện tổ chức cưỡng chế thu hồi đất đối với 01 hộ trên. Đẩy nhanh tiến độ "
                + "GPMB xây dựng trụ sở công an các xã biên giới. Rà soát lại toàn bộ các dự án còn vướng mắc, tập trung xem xét, "
                + "có phương án giải quyết đối với các dự án GPMB còn tồn đọng tại khu vực cửa khẩu Tân Thanh; tham mưu kiện "
                + "toàn Hội đồng BT, HT, GPMB khi có nhân sự thay đổi.");
        subsection(blocks, "5. Tập trung các nhiệm vụ, giải pháp thuộc lĩnh vực Văn hóa - XH");
        item(blocks, "Phòng Văn hóa và TT: Hoàn thiện tuyến du lịch tâm linh theo đúng kế hoạch. Kiểm tra, thẩm định kết quả "
                + "bình xét các danh hiệu văn hóa năm 2022. Đẩy mạnh công tác chuyển đổi số trên địa bàn huyện; làm việc với các "
                + "Sở, ngành của tỉnh để có giải pháp khắc phục tình trạng các thôn, bản trắng sóng hoặc sóng di động, 3G, 4G "
                + "không đảm bảo.");
        item(blocks, "Trung tâm Văn hóa, Thể thao và TT: Kiểm tra hệ thống đài truyền thanh cơ sở. Chủ trì, phối hợp tổ chức "
                + "các hoạt động kỷ niệm 113 năm ngày sinh đồng chí Hoàng Văn Thụ.");
        item(blocks, "Phòng GD&ĐT: Thực hiện tốt nhiệm vụ năm học 2022-2023, nâng cao chất lượng giáo dục trong nhà trường; tổ "
                + "chức hội giảng các cấp học. Tổ chức các hoạt động kỷ niệm 40 năm Ngày nhà giáo Việt Nam (20/11) đảm bảo "
                + "trang trọng, tiết kiệm, ý nghĩa.");
        item(blocks, "Trung tâm Y tế huyện: Tiếp tục tham mưu công tác phòng chống dịch Covid-19; chú trọng công tác tuyên "
                + "truyền và tiêm phòng Covid-19 cho các đối tượng đảm bảo kế hoạch. Phối hợp hiệu quả và đảm bảo chất lượng "
                + "trong công tác khám tuyển nghĩa vụ quân sự năm 2023.");
        item(blocks, "Phòng Lao động, TB, XH-DT: Tổ chức điều tra, rà soát hộ nghèo, cận nghèo năm 2022 trong tháng 11/2022; chú "
                + "trọng triển khai các dự án, tiểu dự án thuộc Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS miền núi "
                + "và Chương trình MTQG giảm nghèo bền vững.");
        subsection(blocks, "6. Lĩnh vực thanh tra, tư pháp, nội vụ, CCHC");
        item(blocks, "Thanh tra huyện tham mưu thực hiện tốt công tác thanh kiểm tra theo kế hoạch; tập trung giải quyết các đơn "
                + "thư, vụ việc phức tạp, tồn đọng; thứ 6 hằng tuần báo cáo nhanh (bằng văn bản) cho Chủ tịch UBND huyện về tình "
                + "hình giải quyết đơn thư, số đơn tiếp nhận, số đơn giải quyết được trong tuần.");
        item(blocks, "Phòng Tư pháp chú trọng công tác tuyên truyền, phổ biến, GDPL, nhất là nâng cao chất lượng các tổ hòa giải "
                + "ở cơ sở; nâng cao chất lượng thẩm định các văn bản QPPL.");
        item(blocks, "Phòng Nội vụ tham mưu thực hiện tốt về công tác cán bộ; thực hiện kịp thời công tác bình xét, thi đua khen "
                + "thưởng năm 2022. Tham mưu đôn đốc tham gia hiệu quả cuộc thi trực tuyến về CCHC.");
        item(blocks, "Các đơn vị liên quan tăng cường công tác CCHC, giải quyết thủ tục hành chính qua dịch vụ công trực tuyến "
                + "mức độ 3, mức độ 4, phấn đấu đạt chỉ tiêu Nghị quyết số 64-NQ/HU và Quyết định số 1045/QĐ-UBND ngày "
                + "21/6/2022 của UBND tỉnh Lạng Sơn. Thực hiện tốt Quyết định 06/QĐ TTg, ngày 06/01/2022 của Thủ tướng Chính "
                + "phủ (Đề án 06) trên địa bàn huyện.");
        subsection(blocks, "7. Công tác quốc phòng, an ninh");
        item(blocks, "Ban CHQS huyện: Tham mưu tổ chức diễn tập chiến đấu phòng thủ tại 4 đơn vị (Tân Tác, Bắc Hùng, Bắc Việt, "
                + "thị trấn Na Sầm), đảm bảo an toàn, hiệu quả, đúng quy định. Triển khai công tác tuyển quân năm 2023 đảm bảo "
                + "yêu cầu.");
        item(blocks, "Công an huyện: Đẩy mạnh các biện pháp đấu tranh các loại tội phạm hình sự, kinh tế, ma túy, tập trung các "
                + "nhóm đối tượng có biểu hiện nghi hoạt động phạm tội; thực hiện đồng bộ các biện pháp phòng ngừa, ngăn chặn, "
                + "kiểm chế phát sinh người nghiện ma túy mới. Tăng cường các giải pháp đảm bảo ATGT, phấn đấu giảm cả 3 tiêu chí "
                + "về TNGT. Tăng cường tuyên truyền, cấp thẻ CCCD cho các đối tượng.");
        subsection(blocks, "8. UBND các xã, thị trấn:");
        paragraph(blocks, "Tập trung hướng dẫn Nhân dân chăm sóc cây trồng vụ mùa; nắm chắc tình hình tư tưởng, dư luận xã hội "
                + "trong Nhân dân và những khó khăn vướng mắc tại cơ sở, báo cáo UBND huyện (qua Văn phòng HĐND và UBND huyện) "
                + "để kịp thời lãnh đạo, chỉ đạo.");
        subsection(blocks, "9. Tăng cường kỷ cương, kỷ luật hành chính của CBCCVC các cơ quan, đơn vị, nhất là người đứng đầu.");
        paragraph(blocks, "Nâng cao hiệu quả, chất lượng công tác tham mưu cho UBND huyện. Các cuộc họp mời đích danh cấp trưởng "
                + "hoặc Thành viên UBND huyện, yêu cầu nghiêm túc tham dự, trường hợp có lý do chính đáng không tham dự được mới "
                + "cử cấp phó dự thay và phải báo cáo, được sự đồng ý của Chủ tịch UBND huyện.");
        paragraph(blocks, CLOSING);
        return new Briefing(YearMonth.of(2022, 10), letterhead, "THÔNG BÁO",
                "Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban công tác tháng 10/2022", blocks, draft,
                annex);
    }

    private static void section(List<Block> blocks, String text) {
        blocks.add(new Block(Kind.SECTION, text));
    }

    private static void subsection(List<Block> blocks, String text) {
        blocks.add(new Block(Kind.SUBSECTION, text));
    }

    private static void paragraph(List<Block> blocks, String text) {
        blocks.add(new Block(Kind.PARAGRAPH, text));
    }

    private static void item(List<Block> blocks, String text) {
        blocks.add(new Block(Kind.ITEM, text));
    }
}
