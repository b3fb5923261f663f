package vn.giaoban.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

import vn.giaoban.text.VietnameseText;

/** One CSV record, read by column name, with messages a person can act on. */
record CatalogRow(String file, CSVRecord record) {

    String required(String column) {
        String value = optional(column);
        if (value == null) {
            throw new IllegalArgumentException("cột " + column + " không được để trống");
        }
        return value;
    }

    String optional(String column) {
        if (!record.isMapped(column)) {
            throw new IllegalArgumentException("thiếu cột " + column);
        }
        String value = record.isSet(column) ? record.get(column).trim() : "";
        return value.isEmpty() ? null : value;
    }

    String optionalOrEmpty(String column) {
        String value = optional(column);
        return value == null ? "" : value;
    }

    /** The value of a column a catalog may lack altogether; null when absent or blank. */
    String ifColumn(String column) {
        return record.isMapped(column) ? optional(column) : null;
    }

    int dayOfMonth(String column) {
        String value = required(column);
        int day;
        try {
            day = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cột " + column + " phải là một ngày trong tháng (1-31), đang là '"
                    + value + "'");
        }
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("cột " + column + " phải là một ngày trong tháng (1-31), đang là "
                    + day);
        }
        return day;
    }

    LocalDate date(String column) {
        String value = optional(column);
        return value == null ? null : LocalDate.parse(value);
    }

    BigDecimal decimal(String column) {
        String value = optional(column);
        return value == null ? null : new BigDecimal(value);
    }

    int integer(String column) {
        return Integer.parseInt(required(column));
    }

    List<String> list(String column, String separator) {
        String value = optional(column);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::trim).filter(s -> !s.isEmpty()).map(VietnameseText::nfc).toList();
    }

    String firstValue() {
        return record.size() > 0 ? record.get(0) : null;
    }

    String explain(RuntimeException e) {
        if (e instanceof java.time.format.DateTimeParseException p) {
            return "ngày hoặc kỳ không hợp lệ '" + p.getParsedString() + "' (cần dạng yyyy-MM-dd hoặc yyyy-MM)";
        }
        if (e instanceof NumberFormatException) {
            return "số không hợp lệ (" + e.getMessage() + ")";
        }
        if (e.getClass() == IllegalArgumentException.class && e.getMessage() != null
                && e.getMessage().startsWith("No enum constant")) {
            return "giá trị không hợp lệ: " + e.getMessage().substring(e.getMessage().lastIndexOf('.') + 1);
        }
        return e.getMessage();
    }
}
