package org.guanxi.crm.privacy.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the web server of an application started to rotate the key ({@link KeyRotationCommand}) out
 * of reach: on a free port of the loopback interface, so that it neither serves users nor takes the
 * port of a service running beside it. (Without a web server the application does not start: its
 * web and session beans are part of it.) Registered in {@code META-INF/spring.factories}.
 */
public final class KeyRotationCommandLine implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String rotate = environment.getProperty("guanxi.privacy.rotate-key");
    if (rotate != null && !"false".equalsIgnoreCase(rotate.strip())) {
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "guanxi-key-rotation",
                  Map.of("server.port", "0", "server.address", "127.0.0.1")));
    }
  }
}
