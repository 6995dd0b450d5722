package org.guanxi.crm.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Maps the change of a record at {@code /{id}} by a JSON merge patch (RFC 7396, {@link
 * MergePatches}), sent as {@code application/json} or {@code application/merge-patch+json}, the way
 * every API changes its records.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(
    method = RequestMethod.PATCH,
    path = "/{id}",
    consumes = {"application/json", "application/merge-patch+json"})
public @interface VersionedPatchMapping {}
