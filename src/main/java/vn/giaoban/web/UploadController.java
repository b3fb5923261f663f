package vn.giaoban.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.giaoban.submission.DryCheck;
import vn.giaoban.submission.InboxDrop;

/**
 * A unit's upload: the file lands in the unit's inbox folder as a copied file would ({@link InboxDrop}: the
 * client's name checked and reduced to its base name, the content's kind sniffed), the upload is recorded with
 * its hash, and the page shows at once the dry check of it ({@link DryCheck}) so that the unit can mend it before
 * the night, which alone reads it into the figures.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadController {

    /** What the page shows of an upload: the refusal, or the file stored and its dry check. */
    record Upload(String refusal, InboxDrop.Stored stored, DryCheck.Result check, String text) {
    }

    private final ConsoleController pages;
    private final InboxDrop inbox;
    private final DryCheck checks;
    private final ConsoleAudit audit;
    private final WebProperties settings;

    UploadController(ConsoleController pages, InboxDrop inbox, DryCheck checks, ConsoleAudit audit, WebProperties settings) {
        this.pages = pages;
        this.inbox = inbox;
        this.checks = checks;
        this.audit = audit;
        this.settings = settings;
    }

    @PostMapping("/ky/{period}/don-vi/{code}/tai-len")
    String upload(@PathVariable String period, @PathVariable String code, @RequestParam(name = "tep", required = false)
            MultipartFile file, @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request, Model model)
            throws IOException {
        ConsoleController.allowed(user, code);
        String name = file == null ? "" : file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        Upload upload;
        if (file == null || file.isEmpty() && name.isEmpty()) {
            upload = new Upload("Chưa chọn tệp để gửi.", null, null, null);
        } else {
            InboxDrop.Outcome outcome;
            try (InputStream content = file.getInputStream()) {
                outcome = inbox.drop(code, name, content, settings.maxUpload().toBytes());
            }
            if (outcome instanceof InboxDrop.Stored stored) {
                audit.upload(user.getUsername(), code, stored.fileName(), stored.sha256(), stored.size(),
                        request.getRemoteAddr());
                DryCheck.Result check = checks.check(stored.path(), code);
                upload = new Upload(null, stored, check, String.join("\n", checks.lines(check)));
            } else {
                InboxDrop.Refused refused = (InboxDrop.Refused) outcome;
                audit.uploadRefused(user.getUsername(), code, name, request.getRemoteAddr(), refused.reason().name());
                upload = new Upload(refused.message(), null, null, null);
            }
        }
        model.addAttribute("upload", upload);
        return pages.unit(period, code, user, model);
    }

}
