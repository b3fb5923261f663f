package vn.giaoban.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import vn.giaoban.text.Messages;

/**
 * The values options take; a value that does not read is a {@link TypeConversionException} whose message
 * is the one Vietnamese sentence the command line prints.
 */
public final class Values {

    private Values() {
    }

    /** {@code yyyy-MM}: a reporting period. */
    public static final class Period implements ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String text) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(Messages.defaults().get("cli.invalid-period", text));
            }
        }
    }

    /** {@code yyyy-MM-dd}: a day. */
    public static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(Messages.defaults().get("cli.invalid-date", text));
            }
        }
    }
}
