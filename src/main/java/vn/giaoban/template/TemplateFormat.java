package vn.giaoban.template;

import java.util.Locale;
import java.util.Optional;

/** The spreadsheet formats a template is written in: Excel's, and LibreOffice Calc's own. */
public enum TemplateFormat {
    XLSX("xlsx"),
    ODS("ods");

    private final String extension;

    TemplateFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** {@code xlsx} or {@code ods}, as typed on the command line (any case). */
    public static Optional<TemplateFormat> of(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (TemplateFormat format : values()) {
            if (format.extension.equals(lower)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
