package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.MultipartConfigElement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Two doors: the REST API under {@code /api}, stateless with personal API tokens, and the pages,
 * with a login form, sessions kept in the database and CSRF protection. What a user may do is
 * decided per endpoint with {@code @PreAuthorize} against the user's current permissions.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /**
   * What a page may load and run: scripts and styles from the CRM's own files only (no inline
   * script, style or handler, no eval), so that text an attacker manages to put into a page cannot
   * run; no plug-ins, no framing by other sites, forms posted to the CRM only.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** The public forms are framed by the sites that embed them, so they may be framed anywhere. */
  static final String PUBLIC_FORM_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'";

  /** Browser features no page of the CRM uses, turned off for pages and whatever they embed. */
  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  /**
   * The security headers of a chain besides Spring Security's defaults: the given content policy
   * (none for the API, whose JSON no browser renders as a page), a referrer that names the CRM's
   * pages to no other site, and no browser features.
   */
  private static Customizer<HeadersConfigurer<HttpSecurity>> headers(
      @Nullable String contentPolicy) {
    return headers -> {
      if (contentPolicy != null) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentPolicy));
      }
      headers
          .referrerPolicy(
              referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
          .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    };
  }

  /** The throttle runs inside the page chain only, not as a filter of its own on every request. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottle>
      loginThrottleOutsideChain(LoginThrottle throttle) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(throttle);
    registration.setEnabled(false);
    return registration;
  }

  /**
   * No observation of each security filter and authorization: it wrapped every filter of every
   * request (about 5% of an API call's time) for metrics nobody reads. Requests are still observed.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The public forms (the web-to-lead form): no sign-in, no session and no CSRF token, as they are
   * posted from other sites; they may be framed by those sites. Each form guards itself.
   */
  @Bean
  @Order(0)
  SecurityFilterChain publicFormSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/forms/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers(PUBLIC_FORM_POLICY))
        .headers(headers -> headers.frameOptions(frame -> frame.disable()));
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiTokens tokens,
      UserAccounts accounts,
      IdempotentAnswers idempotentAnswers,
      MultipartResolver multipart,
      ObjectProvider<MultipartConfigElement> uploadLimits)
      throws Exception {
    var unauthorized = ProblemResponses.unauthorized();
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/api/v1/openapi.json",
                        "/api/v1/openapi.json/**",
                        "/api/docs",
                        "/api/docs/**",
                        "/api/swagger-ui/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .csrf(csrf -> csrf.disable())
        .headers(headers(null))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .addFilterBefore(
            new BearerTokenFilter(tokens, unauthorized), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new CurrentUserFilter(accounts, unauthorized), AuthorizationFilter.class)
        // an upload over the limit is refused once the caller is known, before the idempotency
        // filter reads it
        .addFilterAfter(
            UploadLimit.forApi(multipart, uploadLimits.getIfAvailable()), AuthorizationFilter.class)
        .addFilterAfter(new IdempotentRequests(idempotentAnswers), UploadLimit.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(
      HttpSecurity http,
      UserAccounts accounts,
      LoginThrottle loginThrottle,
      MultipartResolver multipart,
      ObjectProvider<MultipartConfigElement> uploadLimits,
      FlashMapManager flashMaps)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(loginThrottle.successHandler())
                    .failureHandler(loginThrottle.failureHandler())
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(headers(PAGE_POLICY))
        .addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
        // an upload over the limit is refused before the CSRF check reads the form, which would
        // fail on it
        .addFilterBefore(
            UploadLimit.forPages(multipart, uploadLimits.getIfAvailable(), flashMaps),
            CsrfFilter.class)
        .addFilterBefore(
            new CurrentUserFilter(accounts, new LoginUrlAuthenticationEntryPoint("/login?expired")),
            AuthorizationFilter.class);
    return http.build();
  }
}
