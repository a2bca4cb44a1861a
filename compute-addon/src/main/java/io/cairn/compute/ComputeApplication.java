package io.cairn.compute;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/** The Spring Boot application: identity and image APIs on one Reactor Netty server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComputeApplication {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Reactor Netty resources of this application alone: with the global ones (Boot's default), closing one
     * embedded application (a second compute service in the same JVM, a test's) would dispose the event loops the
     * other applications' servers run on.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory f = new ReactorResourceFactory();
        f.setUseGlobalResources(false);
        return f;
    }

    public static void main(String[] args) {
        SpringApplication.run(ComputeApplication.class, args);
    }
}
