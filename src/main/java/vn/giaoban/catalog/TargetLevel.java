package vn.giaoban.catalog;

/** Who set a plan figure: the province (tỉnh giao) or the district (huyện giao). */
public enum TargetLevel {
    TINH_GIAO("tỉnh giao"), HUYEN_GIAO("huyện giao");

    private final String label;

    TargetLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
