package vn.giaoban.submission;

/**
 * What one night received, for the office's summary line: files accepted, refused, the same as the
 * version in force, still waiting (being copied), values taken and findings written to feedback.
 */
public record NightSummary(int accepted, int rejected, int duplicates, int waiting, long values, long findings) {
}
