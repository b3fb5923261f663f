package vn.giaoban.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import vn.giaoban.catalog.CatalogException;

/** Everything wrong with a catalog, reported together so one edit fixes them all. */
final class CatalogProblems {
    private final List<String> messages = new ArrayList<>();

    void add(String file, long line, String entry, String message) {
        StringBuilder text = new StringBuilder("tệp ").append(file);
        if (line > 0) {
            text.append(", dòng ").append(line);
        }
        if (entry != null) {
            text.append(" (").append(entry).append(")");
        }
        messages.add(text.append(": ").append(message).toString());
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new CatalogException("Danh mục báo cáo không hợp lệ: " + String.join("; ", messages) + ".");
        }
    }
}
