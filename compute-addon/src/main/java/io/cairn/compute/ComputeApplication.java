package io.cairn.compute;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application: identity and image APIs on one Reactor Netty server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComputeApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(ComputeApplication.class, args);
    }
}
