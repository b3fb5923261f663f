package vn.giaoban.web;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.template.TemplateWriter;
import vn.giaoban.timeliness.ReportState;

/** The start page, the sign-in form, the month page and each unit's page. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleController {

    private final ConsolePages pages;
    private final Catalog catalog;
    private final TemplateWriter templates;
    private final WebProperties settings;

    ConsoleController(ConsolePages pages, Catalog catalog, WebProperties settings) {
        this.pages = pages;
        this.catalog = catalog;
        this.templates = new TemplateWriter(catalog);
        this.settings = settings;
    }

    @GetMapping(SecurityConfiguration.SIGN_IN)
    String signIn() {
        return "dang-nhap";
    }

    /** The office and leadership land on the latest month, a unit on its own page. */
    @GetMapping("/")
    String start(@AuthenticationPrincipal ConsoleUser user) {
        YearMonth period = pages.latestPeriod();
        return user.role() == Role.UNIT ? "redirect:/ky/" + period + "/don-vi/" + user.unitCode() : "redirect:/ky/" + period;
    }

    @GetMapping("/ky/{period}")
    String month(@PathVariable String period, @RequestParam(name = "trang-thai", required = false) String state,
            @RequestParam(name = "loai", required = false) String kind,
            @RequestParam(name = "trang", required = false, defaultValue = "1") String page,
            @AuthenticationPrincipal ConsoleUser user, Model model) {
        Optional<ReportState.State> wantedState = Arrays.stream(ReportState.State.values())
                .filter(s -> s.name().equals(state)).findFirst();
        Optional<UnitKind> wantedKind = Arrays.stream(UnitKind.values()).filter(k -> k.name().equals(kind)).findFirst();
        int number = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1;
        model.addAttribute("page", pages.month(period(period), wantedState, wantedKind, number));
        model.addAttribute("states", ReportState.State.values());
        Map<String, String> kinds = new LinkedHashMap<>();
        Arrays.stream(UnitKind.values()).forEach(k -> kinds.put(k.name(), ConsolePages.kindLabel(k)));
        model.addAttribute("kinds", kinds);
        model.addAttribute("state", wantedState.map(Enum::name).orElse(""));
        model.addAttribute("kind", wantedKind.map(Enum::name).orElse(""));
        model.addAttribute("user", user);
        return "thang";
    }

    @GetMapping("/ky/{period}/don-vi/{code}")
    public String unit(@PathVariable String period, @PathVariable String code, @AuthenticationPrincipal ConsoleUser user,
            Model model) {
        allowed(user, code);
        model.addAttribute("page", pages.unit(code, period(period))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("user", user);
        model.addAttribute("maxUpload", megabytes(settings));
        return "don-vi";
    }

    /** The form's template for the unit and period, as {@code giaoban template} writes it. */
    @GetMapping("/ky/{period}/don-vi/{code}/mau/{form}")
    void template(@PathVariable String period, @PathVariable String code, @PathVariable String form,
            @AuthenticationPrincipal ConsoleUser user, HttpServletResponse response) throws IOException {
        allowed(user, code);
        YearMonth month = period(period);
        Unit unit = catalog.unit(code, month).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Form owed = catalog.form(form).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", Downloads.attachment(TemplateWriter.fileName(owed, unit, month)));
        templates.write(owed, unit, month, response.getOutputStream());
    }

    /** "20 MB": the upload limit as the page and its refusal say it. */
    static String megabytes(WebProperties settings) {
        return settings.maxUpload().toMegabytes() + " MB";
    }

    static void allowed(ConsoleUser user, String code) {
        if (!user.mayOpenUnit(code)) {
            throw new AccessDeniedException("Unit " + code + " is not " + user);
        }
    }

    static YearMonth period(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
