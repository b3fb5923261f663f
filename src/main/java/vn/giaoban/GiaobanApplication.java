package vn.giaoban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GiaobanApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(GiaobanApplication.class, args)));
    }
}
