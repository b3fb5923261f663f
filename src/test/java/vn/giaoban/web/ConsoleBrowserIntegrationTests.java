package vn.giaoban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import vn.giaoban.system.GiaobanRun;

/**
 * The console as people use it, in Debian's Chromium driven through its chromedriver: a commune signs in, uploads
 * its report, reads the dry check naming a cell, and is refused another commune's page; the office signs in, reads
 * the month, opens the notice, clicks a figure and lands on the cell it came from. Each page's screenshot goes to
 * {@code target/console-screenshots/}, at a desk's width and at a phone's. Skipped, saying so, where Chromium or
 * chromedriver is not installed ({@code .ci/run} installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    @TempDir
    static Path work;

    @TempDir
    static Path profile;

    private GiaobanRun run;
    private String base;
    private WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver): browser tests skipped");
        Files.createDirectories(SCREENSHOTS);
        run = ConsoleDeployment.start(work);
        base = "http://127.0.0.1:" + ConsoleDeployment.port(run);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory(profile, "chromium"), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void aCommuneUploadsItsReportSeesTheCheckAndIsRefusedAnotherCommune() {
        signIn(ConsoleDeployment.UNIT);
        assertThat(browser.getCurrentUrl()).endsWith("/ky/2022-10/don-vi/06124");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Thị trấn Na Sầm");
        screenshot("don-vi");

        // the commune's report of the month, corrected: five petitions received, not four
        File report = correctedReport().toFile();
        browser.findElement(By.id("tep")).sendKeys(report.getPath());
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        WebElement check = browser.findElement(By.id("kiem-tra"));
        assertThat(check.getText()).contains("Đã nhận tệp BM03-DT_T10-2022.xlsx", "Tệp sẽ được tiếp nhận");
        browser.findElement(By.cssSelector("#kiem-tra details summary")).click();
        assertThat(check.findElements(By.cssSelector("td.cell")).stream().map(WebElement::getText))
                .contains("'BM03-DT'!E8");
        assertThat(work.resolve("inbox/06124/BM03-DT_T10-2022.xlsx")).exists();
        screenshot("kiem-tra-thu");
        phone("kiem-tra-thu");

        browser.get(base + "/ky/2022-10/don-vi/06127");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền xem trang này");
        assertThat(browser.getPageSource()).doesNotContain("Xã Trùng Khánh");
        screenshot("khong-co-quyen");
    }

    @Test
    void theOfficeReadsTheMonthAndTracesAFigureOfTheNoticeToItsCell() {
        signIn(ConsoleDeployment.OFFICE);
        assertThat(browser.getCurrentUrl()).endsWith("/ky/2022-10");
        assertThat(browser.findElement(By.cssSelector("ul.counts")).getText()).contains("39", "phải nộp");
        screenshot("thang");
        phone("thang");

        browser.findElement(By.linkText("Thông báo kết luận")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/ky/2022-10/thong-bao/182");
        screenshot("thong-bao");
        WebElement figure = browser.findElement(By.cssSelector("p.notice-text a.figure"));
        String shown = figure.getText();
        figure.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(shown);
        WebElement cell = browser.findElement(By.cssSelector("td.reference"));
        assertThat(cell.getText()).matches(".+\\.(xlsx|xls|csv|ods)!.+![A-Z]+[0-9]+");
        screenshot("nguon-so-lieu");
    }

    private static Path correctedReport() {
        try (InputStream in = Files.newInputStream(Path.of("input-samples/van-lang/06124/BM03-DT_T10-2022.xlsx"));
                Workbook book = WorkbookFactory.create(in)) {
            book.getSheet("BM03-DT").getRow(7).getCell(4).setCellValue(5);
            Path file = Files.createDirectories(profile.resolve("upload")).resolve("BM03-DT_T10-2022.xlsx").toAbsolutePath();
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signIn(String username) {
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/dang-nhap");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(ConsoleDeployment.PASSWORD);
        browser.findElement(By.cssSelector("form.signin button")).click();
    }

    private void phone(String name) {
        Dimension desk = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(name + "-dien-thoai");
        browser.manage().window().setSize(desk);
    }

    private void screenshot(String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
