package vn.giaoban.submission.internal.table;

/**
 * How large a file the readers take, and where an .xlsx's shared strings are kept. The defaults fit
 * monthly reports (tens of kilobytes) with a wide margin and refuse what no report is; an office
 * that receives lists of hundreds of thousands of rows raises them ({@code giaoban.inbox.limits}).
 *
 * @param maxFileBytes         the largest file read at all
 * @param maxPartBytes         the most one part of an .xlsx (a sheet, the shared strings) may expand to
 * @param maxPackageBytes      the most all parts of an .xlsx together may expand to
 * @param sharedStringsOffHeapAbove past this many bytes (as Java holds them) an .xlsx's shared strings
 *                             go to a memory-mapped temporary file instead of the heap;
 *                             {@link Long#MAX_VALUE}: always on the heap, within an eighth of it
 */
public record ReadLimits(long maxFileBytes, long maxPartBytes, long maxPackageBytes, long sharedStringsOffHeapAbove) {

    public static final ReadLimits DEFAULTS = new ReadLimits(TableSources.MAX_FILE_BYTES,
            XlsxPackage.MAX_PART_BYTES, XlsxPackage.MAX_PACKAGE_BYTES, Long.MAX_VALUE);

    public ReadLimits {
        if (maxFileBytes <= 0 || maxPartBytes <= 0 || maxPackageBytes <= 0 || sharedStringsOffHeapAbove < 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    public ReadLimits withSharedStringsOffHeapAbove(long bytes) {
        return new ReadLimits(maxFileBytes, maxPartBytes, maxPackageBytes, bytes);
    }
}
