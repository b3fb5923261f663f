package vn.giaoban.submission;

/**
 * Something wrong or notable in a submission, told to the unit that sent it.
 *
 * @param code    stable machine code, e.g. NOT_A_NUMBER
 * @param sheet   the sheet, or null for the file as a whole
 * @param cell    the cell address, e.g. F12, or null
 * @param found   what the cell held
 * @param message in Vietnamese: what is wrong and what to do
 */
public record Finding(Severity severity, String code, String sheet, String cell, String found, String message) {

    public static Finding file(Severity severity, String code, String message) {
        return new Finding(severity, code, null, null, null, message);
    }
}
