package io.collectionstrategy.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the example: {@code java -jar target/collection-strategy-spring-boot-example.jar}. */
@SpringBootApplication
public class ExampleApplication {

    /**
     * @param args Spring Boot's arguments, e.g. {@code --server.port=8081 --collection-strategy.locale=zh-CN}
     */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
