package vn.giaoban.web;

import java.util.Arrays;
import java.util.Optional;

/** Who a signed-in person is to the console, in the words of the users file and the command line. */
public enum Role {
    /** The office that runs the giao ban: sees every unit, every page. */
    OFFICE("van-phong", "Văn phòng"),
    /** A reporting unit: sees and uploads for itself only. */
    UNIT("don-vi", "Đơn vị"),
    /** Leadership: reads the month and the briefing. */
    LEADERSHIP("lanh-dao", "Lãnh đạo");

    private final String word;
    private final String label;

    Role(String word, String label) {
        this.word = word;
        this.label = label;
    }

    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    /** Spring Security's authority name. */
    String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> of(String word) {
        return Arrays.stream(values()).filter(role -> role.word.equals(word.trim())).findFirst();
    }
}
