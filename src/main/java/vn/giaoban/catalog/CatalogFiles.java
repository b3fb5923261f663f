package vn.giaoban.catalog;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import vn.giaoban.catalog.internal.CatalogLoader;

/**
 * The catalog's folder as other features see it: loaded and validated, or summed up as a fingerprint
 * (a worker compares its manager's). How the files are parsed stays in {@code catalog.internal}.
 */
public final class CatalogFiles {

    private CatalogFiles() {
    }

    /**
     * The catalog in {@code location} ({@code classpath:catalog/van-lang/}, {@code file:/etc/giaoban/catalog/}).
     *
     * @throws CatalogException naming the file, line and column of the first problem
     */
    public static Catalog load(ResourceLoader resources, String location) {
        return new CatalogLoader(resources).load(location);
    }

    /** {@link #load(ResourceLoader, String)} with class path and {@code file:} locations. */
    public static Catalog load(String location) {
        return load(new DefaultResourceLoader(), location);
    }

    /** A SHA-256 over the catalog folder's files, names and contents: equal for two processes that read the same catalog. */
    public static String fingerprint(ResourceLoader resources, String location) {
        return new CatalogLoader(resources).fingerprint(location);
    }
}
