package vn.giaoban.web;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The web console's settings ({@code giaoban.web.*}).
 *
 * @param address        where it listens (127.0.0.1: this machine only, behind a reverse proxy otherwise)
 * @param port           its port
 * @param usersFile      who may sign in ({@link ConsoleUsers})
 * @param sessionTimeout how long an idle session stays signed in
 * @param maxUpload      the largest file a unit may upload
 * @param databasePort   the loopback port the embedded database is served on to the nights while the console runs
 */
@ConfigurationProperties("giaoban.web")
public record WebProperties(String address, int port, Path usersFile, Duration sessionTimeout, DataSize maxUpload,
        int databasePort) {
}
