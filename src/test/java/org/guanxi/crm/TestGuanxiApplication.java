package org.guanxi.crm;

import org.springframework.boot.SpringApplication;

/** Starts the CRM for development with a fresh demo database in target/dev-data. */
public class TestGuanxiApplication {

  public static void main(String[] args) {
    SpringApplication.from(GuanxiApplication::main)
        .withAdditionalProfiles("dev")
        .run("--guanxi.data-dir=target/dev-data", "--spring.thymeleaf.cache=false");
  }
}
