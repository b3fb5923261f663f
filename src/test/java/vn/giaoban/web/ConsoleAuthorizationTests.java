package vn.giaoban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import vn.giaoban.system.GiaobanRun;

/**
 * Every authorization rule of the console, role by page, through the real security filters over a deployment that
 * ran both sample Octobers: the office opens everything; the unit 06124 its own page and templates only (another
 * unit's page, the month and the notice are refused, and no other unit's file or figure reaches its page);
 * leadership the month and the notice only; nobody signed in is sent to the sign-in form; a form without its CSRF
 * token is refused; sign-ins, failed and successful, are recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuthorizationTests {

    @TempDir
    static Path work;

    private GiaobanRun run;
    private MockMvc mvc;
    private ConsoleUsers users;

    @BeforeAll
    void start() {
        run = ConsoleDeployment.start(work);
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) run.context())
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        users = run.context().getBean(ConsoleUsers.class);
    }

    @AfterAll
    void stop() {
        run.close();
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            // the month page
            "vanphong, /ky/2022-10, 200",
            "lanhdao,  /ky/2022-10, 200",
            "natsam,   /ky/2022-10, 403",
            // its own unit page, another unit's page
            "vanphong, /ky/2022-10/don-vi/06124, 200",
            "vanphong, /ky/2022-10/don-vi/06127, 200",
            "natsam,   /ky/2022-10/don-vi/06124, 200",
            "natsam,   /ky/2022-10/don-vi/06127, 403",
            "lanhdao,  /ky/2022-10/don-vi/06124, 403",
            // a template to fill in
            "vanphong, /ky/2022-10/don-vi/06127/mau/BM03-DT, 200",
            "natsam,   /ky/2022-10/don-vi/06124/mau/BM03-DT, 200",
            "natsam,   /ky/2022-10/don-vi/06127/mau/BM03-DT, 403",
            "lanhdao,  /ky/2022-10/don-vi/06124/mau/BM03-DT, 403",
            // the notice's page and its files
            "vanphong, /ky/2022-10/thong-bao/182, 200",
            "lanhdao,  /ky/2022-10/thong-bao/182, 200",
            "natsam,   /ky/2022-10/thong-bao/182, 403",
            "vanphong, /ky/2022-10/thong-bao/182/tep/pdf, 200",
            "lanhdao,  /ky/2022-10/thong-bao/182/tep/docx, 200",
            "natsam,   /ky/2022-10/thong-bao/182/tep/pdf, 403",
            "natsam,   /ky/2022-10/thong-bao/182/tep/xlsx, 403",
            // a figure's sources
            "vanphong, /ky/2022-10/thong-bao/182/so/so-1, 200",
            "lanhdao,  /ky/2022-10/thong-bao/182/so/so-1, 200",
            "natsam,   /ky/2022-10/thong-bao/182/so/so-1, 403",
            "vanphong, /ky/2022-10/thong-bao/182/so/so-99999, 404",
            "vanphong, /ky/2022-10/thong-bao/182/so-lieu, 200",
            "lanhdao,  /ky/2022-10/thong-bao/182/so-lieu, 200",
            "natsam,   /ky/2022-10/thong-bao/182/so-lieu, 403",
            // a page number past the last shows the last; a bad one the first
            "vanphong, /ky/2022-10?trang=99&trang-thai=ON_TIME, 200",
            "vanphong, /ky/2022-10?trang=abc&loai=COMMUNE, 200",
            // what does not exist
            "vanphong, /ky/2022-13, 404",
            "vanphong, /ky/2022-10/don-vi/99999, 404",
            // a path smuggled in the address: refused by the firewall before any page
            "vanphong, /ky/2022-10/thong-bao/182/tep/..%2F..%2Fusers.csv, 400",
            "vanphong, /ky/2022-10/thong-bao/182/tep/users.csv, 404",
    })
    void eachRoleOnEachPage(String username, String page, int expected) throws Exception {
        mvc.perform(get(page).with(user(users.find(username).orElseThrow()))).andExpect(status().is(expected));
    }

    @ParameterizedTest(name = "nobody signed in: {0}")
    @CsvSource({ "/ky/2022-10", "/ky/2022-10/don-vi/06124", "/ky/2022-10/thong-bao/182", "/ky/2022-10/thong-bao/182/tep/pdf", "/" })
    void nobodySignedInIsSentToTheForm(String page) throws Exception {
        mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    void theSignInFormIsVietnameseAndCarriesItsToken() throws Exception {
        String form = mvc.perform(get("/dang-nhap")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Đăng nhập giaoban", "Tên đăng nhập", "Mật khẩu", "name=\"_csrf\"");
    }

    @Test
    void theMonthFiltersByStateAndKindAndCountsWhatItShows() throws Exception {
        String communes = page("vanphong", "/ky/2022-10?loai=COMMUNE");
        String departments = page("vanphong", "/ky/2022-10?loai=DEPARTMENT");
        assertThat(communes).contains("Xã Trùng Khánh").doesNotContain("Chi cục Thuế khu vực III");
        assertThat(departments).contains("Chi cục Thuế khu vực III").doesNotContain("Xã Trùng Khánh");
        assertThat(page("vanphong", "/ky/2022-10?trang-thai=MISSING")).contains("Không có báo cáo nào theo bộ lọc này.");
    }

    @Test
    void everyFigureOfTheNoticeIsALinkToItsSources() throws Exception {
        String notice = page("lanhdao", "/ky/2022-10/thong-bao/182");
        assertThat(notice).contains("class=\"figure\"", "href=\"/ky/2022-10/thong-bao/182/so/so-");
        String figure = page("lanhdao", "/ky/2022-10/thong-bao/182/so/so-1");
        assertThat(figure).contains("Nguồn số liệu", "class=\"reference\"");
    }

    @Test
    void eachLandsOnItsOwnStartPage() throws Exception {
        mvc.perform(get("/").with(user(users.find("natsam").orElseThrow())))
                .andExpect(redirectedUrl("/ky/2022-10/don-vi/06124"));
        mvc.perform(get("/").with(user(users.find("lanhdao").orElseThrow()))).andExpect(redirectedUrl("/ky/2022-10"));
    }

    @Test
    void aUnitsPageShowsNoOtherUnitsFilesOrFigures() throws Exception {
        String own = page("natsam", "/ky/2022-10/don-vi/06124");
        String other = page("vanphong", "/ky/2022-10/don-vi/06127");
        assertThat(own).contains("Thị trấn Na Sầm", "BM03-DT_T10-2022.xlsx", "BM03-DT!E8");
        assertThat(other).contains("Xã Trùng Khánh");
        List<String> othersFiles = run.jdbc().sql("SELECT original_name FROM submission WHERE folder <> '06124'")
                .query(String.class).list();
        assertThat(othersFiles).isNotEmpty();
        // names shared by every unit's file (the same template) are no proof: only the other units' own names
        othersFiles.stream().filter(name -> run.jdbc().sql("SELECT COUNT(*) FROM submission WHERE folder = '06124' AND original_name = ?")
                .param(name).query(Integer.class).single() == 0)
                .forEach(name -> assertThat(own).doesNotContain(name));
        assertThat(own).doesNotContain("Xã Trùng Khánh");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() throws Exception {
        mvc.perform(post("/dang-xuat").with(user(users.find("vanphong").orElseThrow()))).andExpect(status().isForbidden());
        mvc.perform(post("/ky/2022-10/don-vi/06124/tai-len").with(user(users.find("natsam").orElseThrow())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dang-xuat").with(user(users.find("vanphong").orElseThrow())).with(csrf()))
                .andExpect(redirectedUrl("/dang-nhap?da-dang-xuat"));
    }

    @Test
    void signInsAreRecorded() throws Exception {
        mvc.perform(formLogin("/dang-nhap").user("natsam").password("sai-mat-khau"))
                .andExpect(redirectedUrl("/dang-nhap?loi"));
        mvc.perform(formLogin("/dang-nhap").user("natsam").password(ConsoleDeployment.PASSWORD))
                .andExpect(redirectedUrl("/"));
        List<String> trail = run.jdbc().sql("SELECT action FROM console_audit WHERE username = 'natsam' ORDER BY id")
                .query(String.class).list();
        assertThat(trail).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN");
    }

    @ParameterizedTest(name = "{0} uploads for {1} → {2}")
    @CsvSource({ "natsam, 06124, 200", "natsam, 06127, 403", "vanphong, 06127, 200", "lanhdao, 06124, 403" })
    void uploadsByRole(String username, String unit, int expected) throws Exception {
        mvc.perform(multipart("/ky/2022-10/don-vi/" + unit + "/tai-len").file(sample("BM03-DT-thu-" + username + ".csv"))
                .with(user(users.find(username).orElseThrow())).with(csrf())).andExpect(status().is(expected));
        assertThat(Files.exists(work.resolve("inbox").resolve(unit).resolve("BM03-DT-thu-" + username + ".csv")))
                .isEqualTo(expected == 200);
    }

    @Test
    void anUploadLandsInTheInboxAndIsCheckedAtOnce() throws Exception {
        byte[] file = Files.readAllBytes(Path.of("input-samples/van-lang/06124/BM03-DT_T10-2022.xlsx"));
        String shown = mvc.perform(multipart("/ky/2022-10/don-vi/06124/tai-len")
                        .file(new MockMultipartFile("tep", "BM03-DT_T10-2022 gui lai.xlsx", "application/pdf", file))
                        .with(user(users.find("natsam").orElseThrow())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Path landed = work.resolve("inbox/06124/BM03-DT_T10-2022 gui lai.xlsx");
        assertThat(landed).exists().hasBinaryContent(file);
        // the dry check names the cells it read, as giaoban validate prints them; nothing is stored before the night
        assertThat(shown).contains("Đã nhận tệp", "BM03-DT_T10-2022 gui lai.xlsx", "&#39;BM03-DT&#39;!E8", "KIỂM TRA THỬ TỆP");
        assertThat(run.jdbc().sql("SELECT COUNT(*) FROM submission WHERE original_name = ?")
                .param("BM03-DT_T10-2022 gui lai.xlsx").query(Integer.class).single()).isZero();
        assertThat(run.jdbc().sql("SELECT content_hash FROM console_audit WHERE action = 'UPLOAD' AND file_name = ?")
                .param("BM03-DT_T10-2022 gui lai.xlsx").query(String.class).single())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
    }

    @ParameterizedTest(name = "refused: {0}")
    @CsvSource({ "../../users.csv, Không nhận tệp", "bao-cao.pdf, Không nhận tệp", "'', Chưa chọn tệp" })
    void anUploadWithABadNameOrKindIsRefusedAndRecorded(String name, String said) throws Exception {
        String shown = mvc.perform(multipart("/ky/2022-10/don-vi/06124/tai-len").file(sample(name))
                        .with(user(users.find("natsam").orElseThrow())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains(said);
        assertThat(work.resolve("users.csv")).content(StandardCharsets.UTF_8).startsWith("username,role");
    }

    @Test
    void aFileOverTheLimitIsRefusedInTheUnitsWords() throws Exception {
        byte[] large = new byte[(int) run.context().getBean(WebProperties.class).maxUpload().toBytes() + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        String shown = mvc.perform(multipart("/ky/2022-10/don-vi/06124/tai-len")
                        .file(new MockMultipartFile("tep", "lon.csv", "text/csv", large))
                        .with(user(users.find("natsam").orElseThrow())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Không nhận tệp").contains("MB");
        assertThat(work.resolve("inbox/06124/lon.csv")).doesNotExist();
        assertThat(run.jdbc().sql("SELECT COUNT(*) FROM console_audit WHERE action = 'UPLOAD_REFUSED' AND file_name = 'lon.csv'")
                .query(Integer.class).single()).isOne();
    }

    /**
     * Over real HTTP, as a browser sends it: the servlet container stops reading a request over the limit before any
     * page (in the security filters' first read of the form), and the answer is the console's page saying so.
     */
    @Test
    void aRequestOverTheLimitIsStoppedByTheServerWithTheUnitsSentence() throws Exception {
        ConsoleClient client = new ConsoleClient(ConsoleDeployment.port(run));
        client.signIn("natsam", ConsoleDeployment.PASSWORD);
        Matcher action = Pattern.compile("action=\"(/ky/2022-10/don-vi/06124/tai-len[^\"]*)\"")
                .matcher(client.get("/ky/2022-10/don-vi/06124").body());
        assertThat(action.find()).isTrue();
        byte[] large = new byte[(int) run.context().getBean(WebProperties.class).maxUpload().toBytes() + 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        String boundary = "giaoban-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"lon.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(client.request(action.group(1).replace("&amp;", "&"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, large, tail))));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("Tệp quá lớn", "Tệp lớn hơn giới hạn 20 MB");
        assertThat(work.resolve("inbox/06124/lon.csv")).doesNotExist();
    }

    /** A unit's CSV report under {@code name}; no name: what a browser sends when no file was chosen. */
    private static MockMultipartFile sample(String name) throws Exception {
        if (name.isEmpty()) {
            return new MockMultipartFile("tep", "", "application/octet-stream", new byte[0]);
        }
        return new MockMultipartFile("tep", name, "text/csv",
                Files.readAllBytes(Path.of("input-samples/van-lang/06127").resolve(firstCsv())));
    }

    private static String firstCsv() throws Exception {
        try (var files = Files.list(Path.of("input-samples/van-lang/06127"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    private String page(String username, String page) throws Exception {
        return mvc.perform(get(page).with(user(users.find(username).orElseThrow()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

}
