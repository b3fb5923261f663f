package vn.giaoban.catalog;

/** A catalog that cannot be used; the message names the file and the entry, in Vietnamese. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
