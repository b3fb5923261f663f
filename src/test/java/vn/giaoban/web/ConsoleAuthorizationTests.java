package vn.giaoban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    private String page(String username, String page) throws Exception {
        return mvc.perform(get(page).with(user(users.find(username).orElseThrow()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

}
