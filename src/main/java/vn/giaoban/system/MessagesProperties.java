package vn.giaoban.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param dir where an office keeps its rewording of the shipped sentences ({@link vn.giaoban.text.Messages}) */
@ConfigurationProperties("giaoban.messages")
public record MessagesProperties(Path dir) {
}
