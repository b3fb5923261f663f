package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notice as its readers see it, read back from what is printed: the PDF with PDFBox, the DOCX as
 * LibreOffice prints it. The DỰ THẢO mark sits on the title's line in both; no justified line of the
 * body is stretched with wide gaps; the two documents paginate alike, page by page.
 */
class ReaderViewTest {

    /** A word gap wider than this on a justified line of 14 pt text reads as a hole (a space is 3.5 pt). */
    private static final float WIDEST_GAP = 9f;

    @TempDir
    static Path shared;

    private static Path pdf;
    private static Path docx;

    @BeforeAll
    static void render() {
        Briefing briefing = AnnexSamples.briefing(true);
        pdf = new BriefingRenderer().renderPdf(briefing, shared.resolve("briefing.pdf"));
        docx = new DocxRenderer().renderDocx(briefing, shared.resolve("briefing.docx"));
    }

    /** Copies what was read to -Ddocx.sample.copyTo, to look at it. */
    private static void keep(Path file) {
        try {
            DocxRendererTest.copyOut(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePdfPutsTheDraftMarkOnTheTitlesLineAtItsLeft() throws IOException {
        onTheTitlesLine(pdf);
    }

    @Test
    void theDocxPutsTheDraftMarkWhereThePdfDoes() throws Exception {
        onTheTitlesLine(printedByLibreOffice());
    }

    @Test
    void noLineOfTheBodyIsStretchedWithWideGaps() throws IOException {
        // the sample's NTM sentence ends "(5-6-8-17-19)", kept whole: justified, the line before it gaped
        for (Line line : lines(pdf, 1)) {
            if (line.size() >= 13.5f && line.top() > wordTop(pdf, "Ngày") - 1) {
                assertThat(line.widestGap()).as("gaps of \"%s\"", line.text()).isLessThan(WIDEST_GAP);
            }
        }
    }

    @Test
    void theDocxPrintedByLibreOfficePaginatesLikeThePdf() throws Exception {
        Path printed = printedByLibreOffice();
        try (PDDocument a = Loader.loadPDF(pdf.toFile()); PDDocument b = Loader.loadPDF(printed.toFile())) {
            assertThat(b.getNumberOfPages()).as("pages").isEqualTo(a.getNumberOfPages());
            for (int page = 1; page <= a.getNumberOfPages(); page++) {
                String left = pageText(a, page);
                String right = pageText(b, page);
                // the headings and table titles fall on the same page in both
                assertThat(headings(right)).as("headings of page %d", page).isEqualTo(headings(left));
                Set<String> words = words(left);
                Set<String> common = new HashSet<>(words);
                common.retainAll(words(right));
                Set<String> all = new HashSet<>(words);
                all.addAll(words(right));
                assertThat((double) common.size() / all.size()).as("words shared by page %d", page).isGreaterThan(0.75);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static void onTheTitlesLine(Path file) throws IOException {
        TextPosition mark = first(file, "DỰ");
        TextPosition title = first(file, "THÔNG");
        float markMiddle = mark.getYDirAdj() - mark.getHeightDir() / 2;
        float titleMiddle = title.getYDirAdj() - title.getHeightDir() / 2;
        assertThat(Math.abs(markMiddle - titleMiddle)).as("mark and title on one line, %s", file.getFileName())
                .isLessThan(4f);
        assertThat(mark.getXDirAdj()).as("the mark at the left").isLessThan(title.getXDirAdj() - 60);
    }

    private static Path printedByLibreOffice() throws IOException, InterruptedException {
        Path out = shared.resolve("lo-out/briefing.pdf");
        synchronized (ReaderViewTest.class) {
            if (Files.exists(out)) {
                return out;
            }
            Path soffice = LibreOffice.soffice();
            Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                    "-env:UserInstallation=" + Files.createDirectories(shared.resolve("lo-profile")).toUri(),
                    "--convert-to", "pdf", "--outdir", out.getParent().toString(), docx.toString())
                    .redirectErrorStream(true).redirectOutput(shared.resolve("lo.log").toFile()).start();
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(Files.readString(shared.resolve("lo.log"))).exists();
            keep(pdf);
            keep(docx);
            Files.copy(out, shared.resolve("briefing-lo.pdf"));
            keep(shared.resolve("briefing-lo.pdf"));
            return out;
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC);
    }

    private static final Pattern HEADING = Pattern.compile("(?m)^\\s*((?:PHỤ LỤC|Biểu \\d+\\.|I\\.|II\\.|Nơi nhận)[^\\n]{0,20})");

    private static List<String> headings(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HEADING.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).replaceAll("\\s+", " ").strip());
        }
        return found;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static float wordTop(Path file, String word) throws IOException {
        return first(file, word).getYDirAdj();
    }

    private static TextPosition first(Path file, String word) throws IOException {
        for (Line line : lines(file, 1)) {
            int at = line.text().indexOf(word);
            if (at >= 0) {
                return line.positions().get(at);
            }
        }
        throw new AssertionError("no \"" + word + "\" on page 1 of " + file);
    }

    /** A line of page {@code page} as PDFBox strips it: its text and one position a character. */
    private record Line(String text, List<TextPosition> positions) {

        float size() {
            return positions.stream().map(TextPosition::getFontSizeInPt).max(Float::compare).orElse(0f);
        }

        float top() {
            return positions.get(0).getYDirAdj();
        }

        /** The widest gap between two characters that follow each other on the line. */
        float widestGap() {
            float widest = 0;
            for (int i = 1; i < positions.size(); i++) {
                TextPosition before = positions.get(i - 1);
                TextPosition after = positions.get(i);
                widest = Math.max(widest, after.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj()));
            }
            return widest;
        }
    }

    private static List<Line> lines(Path file, int page) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    List<TextPosition> glyphs = positions.stream().filter(p -> !p.getUnicode().isBlank()).toList();
                    StringBuilder chars = new StringBuilder();
                    glyphs.forEach(p -> chars.append(p.getUnicode().charAt(0)));
                    if (!glyphs.isEmpty()) {
                        lines.add(new Line(Normalizer.normalize(chars.toString(), Normalizer.Form.NFC), glyphs));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
        }
        return lines;
    }
}
