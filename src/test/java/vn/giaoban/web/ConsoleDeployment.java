package vn.giaoban.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.giaoban.system.GiaobanRun;

/**
 * A deployment for the console's tests: the Văn Lãng samples run for both Octobers, the application as
 * {@code giaoban serve} starts it (a servlet context on a free port), and a users file with one person of each
 * role: the office, the unit 06124 (Thị trấn Na Sầm), leadership.
 */
public final class ConsoleDeployment {

    public static final String OFFICE = "vanphong";
    public static final String UNIT = "natsam";
    public static final String LEADERSHIP = "lanhdao";
    public static final String PASSWORD = "mat-khau-thu";

    private ConsoleDeployment() {
    }

    static GiaobanRun start(Path work) {
        writeUsers(work);
        GiaobanRun run = GiaobanRun.withSamples(work)
                .setting("--spring.profiles.active=van-lang")
                .setting("--spring.main.web-application-type=servlet")
                .setting("--server.port=0");
        run.octoberNights();
        return run;
    }

    public static void writeUsers(Path work) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("users.csv"), String.join("\n",
                    "username,role,unit,office,name,password",
                    OFFICE + ",van-phong,,182,Văn phòng HĐND và UBND," + hash,
                    UNIT + ",don-vi,06124,,Thị trấn Na Sầm," + hash,
                    LEADERSHIP + ",lanh-dao,,,Chủ tịch UBND," + hash, ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the console listens on. */
    static int port(GiaobanRun run) {
        return Integer.parseInt(run.context().getEnvironment().getProperty("local.server.port"));
    }
}
