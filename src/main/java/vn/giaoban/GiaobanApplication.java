package vn.giaoban;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot application. Its package is the root of giaoban's modules (one per feature, each a
 * direct sub-package: {@code catalog}, {@code submission}, ...), which {@code ModulesTest} verifies;
 * {@code vn.giaoban.system.CommandLine} is the entry point.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GiaobanApplication {
}
