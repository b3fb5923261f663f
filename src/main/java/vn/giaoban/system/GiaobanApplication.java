package vn.giaoban.system;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application; {@link CommandLine} is its entry point. */
@SpringBootApplication(scanBasePackages = "vn.giaoban")
@ConfigurationPropertiesScan("vn.giaoban")
public class GiaobanApplication {
}
