package org.guanxi.crm.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * How the API answers a {@link Refused} change, declared once on its exception: the status and the
 * stable code and title of its problem+json, whose detail is the exception's message.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Refusal {

  HttpStatus status();

  String code();

  String title();
}
