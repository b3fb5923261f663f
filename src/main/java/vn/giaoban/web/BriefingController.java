package vn.giaoban.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.NoticeTrace;
import vn.giaoban.briefing.NoticeTraces;
import vn.giaoban.catalog.Office;

/**
 * The notice of a period: the PDF in the page, the DOCX and XLSX to download, and every figure of it traced
 * to the cells it came from.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BriefingController {

    /** The files of a notice a page may ask for, by their word in the address: never a path from the client. */
    enum Kind {
        PDF("pdf", "application/pdf"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String word;
        final String contentType;

        Kind(String word, String contentType) {
            this.word = word;
            this.contentType = contentType;
        }

        Path of(BriefingPublisher.Published published) {
            return switch (this) {
                case PDF -> published.pdf();
                case DOCX -> published.docx();
                case XLSX -> published.annex();
            };
        }
    }

    private final BriefingPublisher briefings;
    private final NoticeTraces traces;

    BriefingController(BriefingPublisher briefings, NoticeTraces traces) {
        this.briefings = briefings;
        this.traces = traces;
    }

    /** The person's own office's notice, or the first office's. */
    @GetMapping("/ky/{period}/thong-bao")
    String start(@PathVariable String period, @AuthenticationPrincipal ConsoleUser user) {
        YearMonth month = ConsoleController.period(period);
        List<Office> written = briefings.writtenOffices(month);
        String office = Optional.ofNullable(user.officeCode()).filter(code -> written.stream().anyMatch(o -> o.code().equals(code)))
                .or(() -> written.stream().map(Office::code).findFirst())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:/ky/" + month + "/thong-bao/" + office;
    }

    @GetMapping("/ky/{period}/thong-bao/{office}")
    String briefing(@PathVariable String period, @PathVariable String office, @AuthenticationPrincipal ConsoleUser user,
            Model model) {
        YearMonth month = ConsoleController.period(period);
        Office shown = briefings.office(office, month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("period", month);
        model.addAttribute("office", shown);
        model.addAttribute("written", briefings.written(month, office).isPresent());
        model.addAttribute("offices", briefings.writtenOffices(month));
        Optional<NoticeTrace> trace = traces.trace(office, month);
        model.addAttribute("trace", trace.orElse(null));
        String base = "/ky/" + month + "/thong-bao/" + office + "/so/";
        model.addAttribute("paragraphs", trace.map(t -> t.paragraphs().stream()
                .map(p -> new Printed(p.section(), p.section() + "-" + p.number(), p.segments().stream()
                        .map(segment -> new Piece(segment.text(), segment.figureId(),
                                segment.isFigure() ? base + segment.figureId() : null))
                        .toList()))
                .toList()).orElse(List.of()));
        model.addAttribute("user", user);
        return "thong-bao";
    }

    /** Every figure of the notice, section I's then the annex's, each a link to its sources. */
    @GetMapping("/ky/{period}/thong-bao/{office}/so-lieu")
    String figures(@PathVariable String period, @PathVariable String office, @AuthenticationPrincipal ConsoleUser user,
            Model model) {
        YearMonth month = ConsoleController.period(period);
        Office shown = briefings.office(office, month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        NoticeTrace trace = traces.trace(office, month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String base = "/ky/" + month + "/thong-bao/" + office + "/so/";
        model.addAttribute("period", month);
        model.addAttribute("office", shown);
        model.addAttribute("figures", trace.figures().stream()
                .map(f -> new Listed(f.place(), f.label(), f.shown(), f.derivation().words(), base + f.id())).toList());
        model.addAttribute("user", user);
        return "so-lieu-thong-bao";
    }

    /** A paragraph of section I as printed, its figures' links made here. */
    record Printed(String section, String anchor, List<Piece> pieces) {
    }

    /** Plain text (no link) or a figure with the link to its sources. */
    record Piece(String text, String figureId, String link) {
    }

    /** A line of the list of figures, its link made here rather than by the template for each of thousands. */
    record Listed(String place, String label, String shown, String derivation, String link) {
    }

    /** One figure of the notice: what it is, how it was formed, each of its parts and the cells they were read from. */
    @GetMapping("/ky/{period}/thong-bao/{office}/so/{figure}")
    String figure(@PathVariable String period, @PathVariable String office, @PathVariable String figure,
            @AuthenticationPrincipal ConsoleUser user, Model model) {
        YearMonth month = ConsoleController.period(period);
        Office shown = briefings.office(office, month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        NoticeTrace trace = traces.trace(office, month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("period", month);
        model.addAttribute("office", shown);
        model.addAttribute("figure", trace.figure(figure).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("night", trace.night());
        model.addAttribute("user", user);
        return "nguon-so-lieu";
    }

    @GetMapping("/ky/{period}/thong-bao/{office}/tep/{kind}")
    void file(@PathVariable String period, @PathVariable String office, @PathVariable String kind,
            HttpServletResponse response) throws IOException {
        YearMonth month = ConsoleController.period(period);
        Kind wanted = java.util.Arrays.stream(Kind.values()).filter(k -> k.word.equals(kind)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Path file = briefings.written(month, office).map(wanted::of).filter(Files::isRegularFile)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setContentType(wanted.contentType);
        response.setHeader("Content-Disposition", wanted == Kind.PDF ? Downloads.inline(file.getFileName().toString())
                : Downloads.attachment(file.getFileName().toString()));
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
